using NetworkPlatform.Application.Failures;
using NetworkPlatform.Groups.Domain;
using static NetworkPlatform.Groups.Tests.Domain.GroupFactory;

namespace NetworkPlatform.Groups.Tests.Domain;

public class GroupLifecycleTests
{
    [Fact]
    public void activating_a_proposed_group_without_mandate_and_leader_names_both_missing_pieces()
    {
        var error = Assert.Throws<RuleViolationException>(() => Proposed().Activate(Decision()));

        Assert.Equal(["MANDATE_MISSING", "LEADER_MISSING"], error.Violations.Select(v => v.Reason));
    }

    [Fact]
    public void activating_a_mandated_group_without_leader_is_refused_for_the_leader_only()
    {
        var error = Assert.Throws<RuleViolationException>(() => Mandated().Activate(Decision()));

        var violation = Assert.Single(error.Violations);
        Assert.Equal("LEADER_MISSING", violation.Reason);
        Assert.Contains("AssignRole", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void a_proposed_group_with_a_leader_still_needs_a_mandate()
    {
        var withLeader = Proposed().AssignRole(Representative("p1"), GroupRole.Leader, Now).Group;

        var error = Assert.Throws<RuleViolationException>(() => withLeader.Activate(Decision()));

        Assert.Equal("MANDATE_MISSING", Assert.Single(error.Violations).Reason);
    }

    [Fact]
    public void a_mandated_group_with_a_leader_becomes_active_and_records_who_decided()
    {
        var active = Active();

        Assert.Equal(GroupState.Active, active.State);
        Assert.Equal([GroupState.Proposed, GroupState.Mandated, GroupState.Active], active.Lifecycle.Select(s => s.To));
        Assert.Equal("secretariat-user", active.Lifecycle[^1].DecidedBy);
        Assert.Equal(GroupState.Mandated, active.Lifecycle[^1].From);
    }

    [Fact]
    public void a_working_group_without_an_end_date_is_refused()
    {
        var details = Details() with { EndDate = null };

        var error = Assert.Throws<InvalidFieldsException>(() => Group.Propose("net-1", "wg-1", details, Decision()));

        Assert.Equal("end_date", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void a_thematic_group_needs_no_end_date()
    {
        var group = Group.Propose("net-1", "tg-1", Details(GroupKind.ThematicGroup) with { EndDate = null }, Decision());

        Assert.Equal(GroupState.Proposed, group.State);
    }

    [Fact]
    public void a_working_group_mandate_without_an_end_date_is_refused()
    {
        var error = Assert.Throws<InvalidFieldsException>(() => Proposed().ApproveMandate(Terms() with { EndDate = null }, Decision()));

        Assert.Contains(error.Violations, e => e.Field == "end_date");
    }

    [Fact]
    public void a_task_force_mandate_within_one_year_is_refused_as_it_runs_several_years()
    {
        var error = Assert.Throws<InvalidFieldsException>(() => Proposed(GroupKind.TaskForce).ApproveMandate(Terms(), Decision()));

        Assert.Contains(error.Violations, e => e.Field == "end_date" && e.Description.Contains("several years", StringComparison.Ordinal));
    }

    [Fact]
    public void revising_a_mandate_keeps_every_version()
    {
        var revised = Active().ReviseMandate(Terms() with { Purpose = "Ny formulering" }, Decision("Partnermøtet 10.06.2026 sak 30/26"));

        Assert.Equal([1, 2], revised.Mandates.Select(m => m.Version));
        Assert.Equal("Ny formulering", revised.CurrentMandate!.Terms.Purpose);
        Assert.Equal(GroupState.Active, revised.State);
    }

    [Fact]
    public void approving_a_second_first_mandate_points_to_revise()
    {
        var error = Assert.Throws<RuleViolationException>(() => Mandated().ApproveMandate(Terms(), Decision()));

        Assert.Equal("MANDATE_ALREADY_APPROVED", Assert.Single(error.Violations).Reason);
    }

    [Fact]
    public void concluding_goes_through_concluding_to_concluded()
    {
        var concluding = Active().StartConcluding(Decision());
        var concluded = concluding.CompleteConclusion(Decision());

        Assert.Equal(GroupState.Concluding, concluding.State);
        Assert.Equal(GroupState.Concluded, concluded.State);
        Assert.Throws<RuleViolationException>(() => Active().CompleteConclusion(Decision()));
    }

    [Fact]
    public void a_dissolved_group_no_longer_changes()
    {
        var dissolved = Active().Dissolve(Decision() with { Reason = "Behovet falt bort" });

        var error = Assert.Throws<RuleViolationException>(() => dissolved.AssignRole(Representative("p2"), GroupRole.Member, Now));
        Assert.Equal("GROUP_CLOSED", Assert.Single(error.Violations).Reason);
    }

    [Fact]
    public void governing_bodies_are_registered_active_and_other_kinds_are_refused()
    {
        var partnerMeeting = Group.RegisterStandingBody("net-1", "partner-meeting", Details(GroupKind.PartnerMeeting), Decision());

        Assert.Equal(GroupState.Active, partnerMeeting.State);
        Assert.Throws<InvalidFieldsException>(() => Group.RegisterStandingBody("net-1", "wg", Details(), Decision()));
        Assert.Throws<InvalidFieldsException>(() => Group.Propose("net-1", "sg", Details(GroupKind.SteeringGroup), Decision()));
    }
}
