using NetworkPlatform.Application.Failures;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Tests.Domain;

public class ParticipationForwardingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static ParticipationRequest ToInternationalTaskForce() => ParticipationRequest.Submit("par-1", "norsk-hph", "org-1", "per-1",
        new ParticipationWish(ParticipationKind.JoinGroup, "tf-children", "", "international-hph", ""), T0);

    [Fact]
    public void forwarding_moves_the_request_to_the_parent_and_keeps_the_chain()
    {
        var forwarded = ToInternationalTaskForce().Forward("international-hph", "sec-no", T0.AddDays(1), "recommended");

        Assert.Equal(ParticipationState.Forwarded, forwarded.State);
        Assert.Equal("international-hph", forwarded.HandlingNetworkId);
        var step = Assert.Single(forwarded.ForwardingChain);
        Assert.Equal(("norsk-hph", "international-hph", "sec-no", "recommended"),
            (step.FromNetworkId, step.ToNetworkId, step.ForwardedBy, step.Note));
        Assert.Equal(["norsk-hph", "international-hph"], forwarded.InvolvedNetworkIds);
    }

    [Fact]
    public void only_the_network_owning_the_group_approves()
    {
        var error = Rules.Broken(Assert.Throws<RuleViolationException>(() => ToInternationalTaskForce().Approve("sec-no", T0, "")));

        Assert.Equal("NOT_AT_GROUP_NETWORK", error.Reason);
    }

    [Fact]
    public void the_group_network_approves_after_forwarding()
    {
        var approved = ToInternationalTaskForce().Forward("international-hph", "sec-no", T0, "").Approve("sec-int", T0.AddDays(3),
            "welcome");

        Assert.Equal((ParticipationState.Approved, "sec-int", "welcome"), (approved.State, approved.AnsweredBy, approved.AnswerNote));
    }

    [Fact]
    public void the_national_secretariat_may_decline_without_forwarding()
    {
        var declined = ToInternationalTaskForce().Decline("sec-no", T0, "no capacity this year");

        Assert.Equal(ParticipationState.Declined, declined.State);
        Assert.Empty(declined.ForwardingChain);
    }

    [Fact]
    public void a_request_already_at_the_group_network_is_not_forwarded_further()
    {
        var atGroup = ToInternationalTaskForce().Forward("international-hph", "sec-no", T0, "");

        Assert.Equal("ALREADY_AT_GROUP_NETWORK",
            Rules.Broken(Assert.Throws<RuleViolationException>(() => atGroup.Forward("global-hph", "sec-int", T0, ""))).Reason);
    }

    [Fact]
    public void an_answered_request_cannot_be_answered_or_forwarded_again()
    {
        var declined = ToInternationalTaskForce().Decline("sec-no", T0, "");

        Assert.Equal("PARTICIPATION_REQUEST_ANSWERED",
            Rules.Broken(Assert.Throws<RuleViolationException>(() => declined.Decline("sec-no", T0, ""))).Reason);
        Assert.Equal("PARTICIPATION_REQUEST_ANSWERED",
            Rules.Broken(Assert.Throws<RuleViolationException>(() => declined.Forward("international-hph", "sec-no", T0, ""))).Reason);
    }
}
