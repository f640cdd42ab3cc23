using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>
/// A decision written into a meeting's minutes. Published by the meetings service; the groups service applies
/// LeaderElected, BudgetResponsibleElected and MeasureStatus to the group and its measures.
/// AggregateId is the meeting id. PersonId is set for elections, MeasureId and MeasureStatus (an
/// <see cref="Events.MeasureStatus"/> name such as "OnTrack" or "Done"; "InProgress", "Completed" before) for measure status.
/// FundApplicationApproved and FundApplicationRejected name the reporting service's application (its id, the applying group
/// and the year of its accounts) and, when approved, the Amount granted; the reporting service records the decision.
/// </summary>
[Aggregate("Meeting")]
public sealed record DecisionRecorded(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    DecisionKind Kind, string? PersonId, string? MeasureId,
    [property: AllowedValues("NotStarted", "OnTrack", "AtRisk", "Late", "Done", "Cancelled")] string? MeasureStatus,
    string Text, string? FundApplicationId = null, string? ApplicationGroupId = null, int? ApplicationYear = null,
    decimal? Amount = null) : IDomainEvent;

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<DecisionKind>))]
public enum DecisionKind
{
    LeaderElected,
    BudgetResponsibleElected,
    MeasureStatus,
    MatterReferredToPartnerMeeting,
    FundApplicationApproved,
    FreeText,
    FundApplicationRejected,
}
