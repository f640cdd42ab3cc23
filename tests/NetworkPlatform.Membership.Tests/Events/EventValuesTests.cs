using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Membership.Tests.Events;

/// <summary>The values the catalogue lists for membership's event fields are the names of the enums they are written from.</summary>
public sealed class EventValuesTests
{
    [Fact]
    public void each_listed_field_names_the_values_of_its_enum()
    {
        Assert.Equal(Enum.GetNames<OrganisationKind>(), EventValues.Of(typeof(OrganisationRegistered), "Kind"));
        Assert.Equal(Enum.GetNames<ParticipationKind>(), EventValues.Of(typeof(ParticipationRequested), "Kind"));
        Assert.Equal(Enum.GetNames<ParticipationKind>(), EventValues.Of(typeof(ParticipationAnswered), "Kind"));
        Assert.Equal([nameof(ParticipationState.Approved), nameof(ParticipationState.Declined)],
            EventValues.Of(typeof(ParticipationAnswered), "Answer"));
        Assert.Equal(Enum.GetNames<RepresentativeRole>(), EventValues.Of(typeof(RepresentativeAppointed), "Role"));
        Assert.Equal(Enum.GetNames<AppointmentEndReason>(), EventValues.Of(typeof(RepresentativeWithdrawn), "Reason"));
        Assert.Equal([RepresentativeWithdrawalReasons.Withdrawn, RepresentativeWithdrawalReasons.Replaced,
            RepresentativeWithdrawalReasons.MembershipEnded], EventValues.Of(typeof(RepresentativeWithdrawn), "Reason"));
    }
}
