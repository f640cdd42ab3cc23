using System.ComponentModel.DataAnnotations;

// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>
/// A measure's status moved (e.g. "NotStarted" -> "OnTrack", <see cref="Events.MeasureStatus"/> names; events before the one
/// vocabulary say "Planned", "InProgress", "Completed", "Postponed": read them with MeasureStatuses.TryParse): edited by hand,
/// implied by its first milestone, or decided in the owning group's minutes (then MeetingId names the meeting).
/// </summary>
[Aggregate("Measure")]
public sealed record MeasureStatusChanged(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeasureId, int Year,
    string? GroupId,
    [property: AllowedValues("NotStarted", "OnTrack", "AtRisk", "Late", "Done", "Cancelled")] string PreviousStatus,
    [property: AllowedValues("NotStarted", "OnTrack", "AtRisk", "Late", "Done", "Cancelled")] string Status, string ChangedBy,
    string? MeetingId) : IDomainEvent;
