// Published by the groups service. AggregateId is the group id (measure id for measure events);
// enum values are names (e.g. "WorkingGroup").
namespace NetworkPlatform.Events.Groups;

/// <summary>The first mandate of a group was approved: the group is mandated.</summary>
[Aggregate("Group")]
public sealed record MandateApproved(Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion,
    string GroupId, int MandateVersion, string Purpose, string ApprovedByGroupId, string DecisionReference,
    DateOnly? StartDate, DateOnly? EndDate) : IDomainEvent;
