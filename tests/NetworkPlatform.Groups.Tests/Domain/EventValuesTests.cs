using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Groups.Tests.Domain;

/// <summary>The values the catalogue lists for the groups' event fields are the names of the enums they are written from.</summary>
public sealed class EventValuesTests
{
    [Fact]
    public void each_listed_field_names_the_values_of_its_enum()
    {
        Assert.Equal(Enum.GetNames<GroupKind>(), EventValues.Of(typeof(GroupProposed), "Kind"));
        Assert.Equal(Enum.GetNames<GroupKind>(), EventValues.Of(typeof(GroupActivated), "Kind"));
        Assert.Equal(Enum.GetNames<GroupScope>(), EventValues.Of(typeof(GroupProposed), "Scope"));
        Assert.Equal([nameof(GroupState.Proposed), nameof(GroupState.Active)], EventValues.Of(typeof(GroupProposed), "State"));
        Assert.Equal([nameof(GroupState.Concluded), nameof(GroupState.Concluding)], EventValues.Of(typeof(GroupConcluded), "State"));
        Assert.Equal(Enum.GetNames<MeasureStatus>(), EventValues.Of(typeof(MeasureStatusChanged), "Status"));
        Assert.Equal(Enum.GetNames<MeasureStatus>(), EventValues.Of(typeof(MeasureStatusChanged), "PreviousStatus"));
        // Decisions in the minutes carry a status name of the one vocabulary, which this service applies.
        Assert.Equal(Enum.GetNames<MeasureStatus>(), EventValues.Of(typeof(DecisionRecorded), "MeasureStatus"));
        Assert.Equal(Enum.GetNames<GroupRole>(), EventValues.Of(typeof(RoleAssigned), "Role"));
        Assert.Equal(Enum.GetNames<GroupRole>(), EventValues.Of(typeof(RoleVacated), "Role"));
    }
}
