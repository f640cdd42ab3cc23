// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>A group's annual wheel (årshjul) for a year was replaced; AggregateId is the group id.</summary>
[Aggregate("AnnualWheel")]
public sealed record AnnualWheelUpdated(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string GroupId, int Year, IReadOnlyList<AnnualWheelActivity> Activities) : IDomainEvent;

public sealed record AnnualWheelActivity(string ActivityId, int Month, string Title, IReadOnlyList<string> MeasureIds, string? MeetingId);
