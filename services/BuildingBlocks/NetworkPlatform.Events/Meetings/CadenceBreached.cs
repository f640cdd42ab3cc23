using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>
/// A group let a window of the network's cadence policy pass without a meeting. Requirement: StartUp,
/// BeforePartnerMeeting (PartnerMeetingId set) or Reporting. Published once per requirement.
/// </summary>
[Aggregate("CadenceBreach")]
public sealed record CadenceBreached(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string GroupId, int Year,
    [property: AllowedValues("StartUp", "BeforePartnerMeeting", "Reporting")] string Requirement, DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd, string? PartnerMeetingId) : IDomainEvent;
