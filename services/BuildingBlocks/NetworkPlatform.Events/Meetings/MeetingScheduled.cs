using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>Kind: StartUp, Interim, Reporting, PartnerMeeting, GroupLeaderMeeting, Workshop, Other.</summary>
[Aggregate("Meeting")]
public sealed record MeetingScheduled(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    [property: AllowedValues("StartUp", "Interim", "Reporting", "PartnerMeeting", "GroupLeaderMeeting", "Workshop", "Other")] string Kind,
    string Title, DateTimeOffset Start, DateTimeOffset End, string TimeZone, string Location, string VideoLink) : IDomainEvent;
