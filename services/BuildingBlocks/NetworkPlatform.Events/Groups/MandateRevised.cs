// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>A new version of a group's mandate was approved.</summary>
[Aggregate("Group")]
public sealed record MandateRevised(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string GroupId, int MandateVersion, string Purpose, string ApprovedByGroupId, string DecisionReference,
    DateOnly? StartDate, DateOnly? EndDate) : IDomainEvent;
