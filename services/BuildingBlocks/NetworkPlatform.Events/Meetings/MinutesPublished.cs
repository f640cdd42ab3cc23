using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>
/// Approved minutes sent out (the secretariat always copied); the meeting's decisions follow as DecisionRecorded.
/// BackfilledAt is set when the secretariat recorded a past year's minutes: they were published then (not at OccurredAt)
/// and are not mailed again.
/// </summary>
[Aggregate("Meeting")]
public sealed record MinutesPublished(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    [property: AllowedValues("StartUp", "Interim", "Reporting", "PartnerMeeting", "GroupLeaderMeeting", "Workshop", "Other")] string Kind,
    string Title, DateTimeOffset Start, [property: PersonalData] string Text, IReadOnlyList<NotificationRecipient> To,
    IReadOnlyList<NotificationRecipient> Cc, IReadOnlyList<string> DecisionIds, DateTimeOffset? BackfilledAt = null) : IDomainEvent;
