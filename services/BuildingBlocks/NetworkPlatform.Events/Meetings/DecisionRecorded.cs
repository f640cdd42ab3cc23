using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>
/// A decision written into a meeting's minutes. Published by the meetings service; the groups service applies
/// LeaderElected, BudgetResponsibleElected and MeasureStatus to the group and its measures.
/// AggregateId is the meeting id. PersonId is set for elections, MeasureId and MeasureStatus (a
/// networkplatform.groups.v1 MeasureStatus name such as "InProgress" or "Completed") for measure status.
/// </summary>
[Aggregate("Meeting")]
public sealed record DecisionRecorded(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    DecisionKind Kind, string? PersonId, string? MeasureId,
    [property: AllowedValues("Planned", "InProgress", "Completed", "Postponed", "Cancelled")] string? MeasureStatus,
    string Text) : IDomainEvent;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DecisionKind>))]
public enum DecisionKind
{
    LeaderElected,
    BudgetResponsibleElected,
    MeasureStatus,
    MatterReferredToPartnerMeeting,
    FundApplicationApproved,
    FreeText,
}
