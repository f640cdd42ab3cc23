using NetworkPlatform.Application.Failures;
using NetworkPlatform.Groups.Domain;
using static NetworkPlatform.Groups.Tests.Domain.GroupFactory;

namespace NetworkPlatform.Groups.Tests.Domain;

public class JoiningTests
{
    [Fact]
    public void a_representative_joins_an_open_group_at_once_as_member()
    {
        var outcome = Active().Join(Representative("p2"), Now);

        Assert.True(outcome.Joined);
        Assert.Equal([GroupRole.Member], outcome.Group.FindParticipant("p2")!.Roles);
    }

    [Fact]
    public void joining_a_leader_approval_group_waits_until_the_leader_approves()
    {
        var outcome = Active(policy: JoinPolicy.LeaderApproval).Join(Representative("p2"), Now);

        Assert.False(outcome.Joined);
        Assert.Null(outcome.Group.FindParticipant("p2"));
        var approved = outcome.Group.AnswerJoinRequest("p2", Representative("p2"), approve: true, Now);
        Assert.NotNull(approved.FindParticipant("p2"));
        Assert.Empty(approved.JoinRequests);
    }

    [Fact]
    public void a_rejected_join_request_is_dropped()
    {
        var pending = Active(policy: JoinPolicy.LeaderApproval).Join(Representative("p2"), Now).Group;

        var rejected = pending.AnswerJoinRequest("p2", null, approve: false, Now);

        Assert.Empty(rejected.JoinRequests);
        Assert.Null(rejected.FindParticipant("p2"));
    }

    [Fact]
    public void a_person_who_is_not_a_member_representative_cannot_join()
    {
        var error = Assert.Throws<RuleViolationException>(() => Active().Join(External("x"), Now));

        Assert.Equal("NOT_A_MEMBER_REPRESENTATIVE", Assert.Single(error.Violations).Reason);
    }

    [Fact]
    public void joining_twice_is_refused()
    {
        var group = Active().Join(Representative("p2"), Now).Group;

        var error = Assert.Throws<RuleViolationException>(() => group.Join(Representative("p2"), Now));

        Assert.Equal("ALREADY_PARTICIPANT", Assert.Single(error.Violations).Reason);
    }

    [Fact]
    public void a_concluding_group_takes_no_new_participants()
    {
        var concluding = Active().StartConcluding(Decision());

        Assert.Throws<RuleViolationException>(() => concluding.Join(Representative("p2"), Now));
    }
}
