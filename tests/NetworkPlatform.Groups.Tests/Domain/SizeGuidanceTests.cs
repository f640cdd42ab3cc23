using NetworkPlatform.Groups.Domain;
using static NetworkPlatform.Groups.Tests.Domain.GroupFactory;

namespace NetworkPlatform.Groups.Tests.Domain;

public class SizeGuidanceTests
{
    [Fact]
    public void a_working_group_with_only_its_leader_is_warned_as_too_small()
    {
        var group = Active();

        Assert.Equal(SizeAssessment.TooSmall, group.Size.Assessment);
        Assert.Contains(group.Warnings, w => w.Contains("at least 3", StringComparison.Ordinal));
    }

    [Fact]
    public void a_working_group_of_nine_is_warned_as_too_large_and_eight_is_fine()
    {
        var group = Active();
        for (var i = 2; i <= 8; i++)
        {
            group = group.Join(Representative($"p{i}"), Now).Group;
        }
        Assert.Equal(SizeAssessment.WithinGuidance, group.Size.Assessment);

        group = group.Join(Representative("p9"), Now).Group;

        Assert.Equal(SizeAssessment.TooLarge, group.Size.Assessment);
        Assert.Contains(group.Warnings, w => w.Contains("at most 8", StringComparison.Ordinal));
    }

    [Fact]
    public void observers_do_not_count_towards_the_size()
    {
        var group = Active().Join(Representative("p2"), Now).Group.AssignRole(External("o"), GroupRole.Observer, Now).Group;

        Assert.Equal(2, group.Size.ParticipantCount);
    }

    [Fact]
    public void a_partner_meeting_has_no_upper_bound()
    {
        var guidance = SizeGuidance.Assess(GroupKind.PartnerMeeting, 500);

        Assert.Equal(SizeAssessment.WithinGuidance, guidance.Assessment);
    }

    [Fact]
    public void every_kind_has_guidance()
    {
        foreach (var kind in Enum.GetValues<GroupKind>())
        {
            var (minimum, maximum) = SizeGuidance.For(kind);
            Assert.True(minimum >= 1 && (maximum == 0 || maximum >= minimum), kind.ToString());
        }
    }
}
