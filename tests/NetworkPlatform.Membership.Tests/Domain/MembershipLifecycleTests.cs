using NetworkPlatform.Application.Failures;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Tests.Domain;

public class MembershipLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    internal static Organisation NewOrganisation(string id = "org-1") => Organisation.Register(id, "partnerskap",
        new OrganisationDetails("Fjordvik kommune", "", OrganisationKind.Municipality, new ContactDetails()), null, T0);

    internal static Organisation ActiveOrganisation(string id = "org-1") =>
        NewOrganisation(id).ApplyForMembership(Decide("applied")).ApproveMembership(Decide("approved"));

    private static Decision Decide(string why, string who = "secretariat-1", int day = 0) => new(who, T0.AddDays(day), why);

    [Fact]
    public void an_application_then_approval_makes_an_active_member()
    {
        var member = NewOrganisation().ApplyForMembership(Decide("we want to join")).ApproveMembership(Decide("partner meeting 2026-02",
            day: 30));

        Assert.Equal(MembershipState.Active, member.Membership.State);
        Assert.Equal(T0.AddDays(30), member.UpdatedAt);
    }

    [Fact]
    public void every_step_records_who_decided_when_and_why_in_order()
    {
        var organisation = NewOrganisation()
            .ApplyForMembership(Decide("application", "rep-7", 0))
            .ApproveMembership(Decide("approved by the partner meeting", "sec-1", 10))
            .SuspendMembership(Decide("unpaid fee", "sec-1", 20))
            .ReinstateMembership(Decide("fee paid", "sec-2", 25));

        Assert.Collection(organisation.Membership.History,
            s => Assert.Equal((MembershipState.None, MembershipState.Applied, "rep-7", "application"),
                (s.From, s.To, s.DecidedBy, s.Reason)),
            s => Assert.Equal((MembershipState.Applied, MembershipState.Active, "sec-1", T0.AddDays(10)),
                (s.From, s.To, s.DecidedBy, s.At)),
            s => Assert.Equal((MembershipState.Active, MembershipState.Suspended, "unpaid fee"), (s.From, s.To, s.Reason)),
            s => Assert.Equal((MembershipState.Suspended, MembershipState.Active, "sec-2"), (s.From, s.To, s.DecidedBy)));
    }

    [Fact]
    public void approving_an_already_active_membership_is_refused_with_a_stable_reason()
    {
        var error = Rules.Broken(Assert.Throws<RuleViolationException>(() => ActiveOrganisation().ApproveMembership(Decide("again"))));

        Assert.Equal("MEMBERSHIP_ALREADY_ACTIVE", error.Reason);
        Assert.Equal("networks/partnerskap/organisations/org-1", error.Subject);
    }

    [Theory]
    [InlineData(MembershipAction.Approve, "MEMBERSHIP_NOT_APPLIED")]
    [InlineData(MembershipAction.Suspend, "MEMBERSHIP_NOT_ACTIVE")]
    [InlineData(MembershipAction.Reinstate, "MEMBERSHIP_NOT_SUSPENDED")]
    [InlineData(MembershipAction.Resign, "MEMBERSHIP_NOT_STARTED")]
    public void an_organisation_that_never_applied_can_only_apply(MembershipAction action, string reason)
    {
        var (to, refusal) = MembershipLifecycle.Transition(MembershipState.None, action);

        Assert.Null(to);
        Assert.Equal(reason, refusal);
    }

    [Fact]
    public void approving_a_suspended_membership_points_to_reinstating()
    {
        var suspended = ActiveOrganisation().SuspendMembership(Decide("inactive"));

        var error = Rules.Broken(Assert.Throws<RuleViolationException>(() => suspended.ApproveMembership(Decide("back"))));

        Assert.Equal("MEMBERSHIP_SUSPENDED", error.Reason);
        Assert.Contains("reinstated", error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void a_resigned_organisation_may_apply_again_but_not_be_reinstated()
    {
        var resigned = ActiveOrganisation().ResignMembership(Decide("leaving"));

        Assert.Equal("MEMBERSHIP_NOT_SUSPENDED",
            Rules.Broken(Assert.Throws<RuleViolationException>(() => resigned.ReinstateMembership(Decide("x")))).Reason);
        Assert.Equal(MembershipState.Applied, resigned.ApplyForMembership(Decide("back again")).Membership.State);
    }

    [Fact]
    public void a_refused_step_leaves_the_history_unchanged()
    {
        var member = ActiveOrganisation();

        Rules.Broken(Assert.Throws<RuleViolationException>(() => member.ApplyForMembership(Decide("twice"))));

        Assert.Equal(2, member.Membership.History.Count);
    }
}
