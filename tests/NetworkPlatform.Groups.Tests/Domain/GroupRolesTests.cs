using NetworkPlatform.Application.Failures;
using NetworkPlatform.Groups.Domain;
using static NetworkPlatform.Groups.Tests.Domain.GroupFactory;

namespace NetworkPlatform.Groups.Tests.Domain;

public class GroupRolesTests
{
    [Fact]
    public void assigning_a_new_leader_replaces_the_previous_one_who_stays_as_member()
    {
        var assignment = Active().AssignRole(Representative("new-leader"), GroupRole.Leader, Now);

        Assert.Equal("leader", assignment.Displaced?.PersonId);
        Assert.Equal("new-leader", assignment.Group.Leader?.PersonId);
        Assert.Equal([GroupRole.Member], assignment.Group.FindParticipant("leader")!.Roles);
    }

    [Fact]
    public void a_person_who_does_not_represent_a_member_cannot_hold_a_member_role_but_can_be_invited_as_expert()
    {
        var group = Active();

        var error = Assert.Throws<RuleViolationException>(() => group.AssignRole(External("x"), GroupRole.Member, Now));
        var invited = group.AssignRole(External("x"), GroupRole.InvitedExpert, Now).Group;

        Assert.Equal("NOT_A_MEMBER_REPRESENTATIVE", Assert.Single(error.Violations).Reason);
        Assert.False(invited.FindParticipant("x")!.RepresentsMember);
    }

    [Fact]
    public void vacating_the_last_role_removes_the_participant()
    {
        var group = Active().AssignRole(Representative("p2"), GroupRole.Secretary, Now).Group;

        var vacated = group.VacateRole("p2", GroupRole.Secretary, Now);

        Assert.Null(vacated.FindParticipant("p2"));
    }

    [Fact]
    public void an_active_group_without_budget_responsible_is_flagged_and_warned()
    {
        var group = Active();

        Assert.Equal([GroupFlag.BudgetResponsibleMissing], group.Flags);
        Assert.Contains(group.Warnings, w => w.Contains("budget responsible", StringComparison.Ordinal));
    }

    [Fact]
    public void withdrawing_the_leader_flags_the_group_as_missing_a_leader()
    {
        var group = Active().AssignRole(Representative("budget"), GroupRole.BudgetResponsible, Now).Group;

        var withdrawn = group.RemoveRepresentative("leader", "org-oslo", Now)!;

        Assert.Null(withdrawn.FindParticipant("leader"));
        Assert.Equal([GroupFlag.LeaderMissing], withdrawn.Flags);
    }

    [Fact]
    public void a_resigned_organisation_takes_its_representatives_out_but_not_invited_experts()
    {
        var group = Active()
            .AssignRole(Representative("p2", "org-bergen"), GroupRole.Member, Now).Group
            .AssignRole(External("expert") with { OrganisationId = "org-bergen" }, GroupRole.InvitedExpert, Now).Group;

        var after = group.RemoveOrganisation("org-bergen", Now)!;

        Assert.Null(after.FindParticipant("p2"));
        Assert.NotNull(after.FindParticipant("expert"));
        Assert.NotNull(after.FindParticipant("leader"));
    }

    [Fact]
    public void withdrawing_an_appointment_for_another_organisation_keeps_the_person()
    {
        Assert.Null(Active().RemoveRepresentative("leader", "org-bergen", Now));
    }

    [Fact]
    public void removing_a_person_who_is_not_in_the_group_changes_nothing()
    {
        Assert.Null(Active().RemoveRepresentative("stranger", "org-oslo", Now));
    }
}
