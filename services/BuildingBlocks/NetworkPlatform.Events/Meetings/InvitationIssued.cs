using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>
/// An outbound notification about a meeting, ready to deliver: Purpose is Invitation, Update (rescheduled or changed),
/// Cancellation or Reminder; the secretariat is always among To/Cc; IcsContent is the RFC 5545 attachment
/// (METHOD:REQUEST, or CANCEL for cancellations) named IcsFileName, without ORGANIZER and ATTENDEE: the meetings service
/// adds them, with the addresses, to the mail it sends.
/// </summary>
[Aggregate("Meeting")]
public sealed record InvitationIssued(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    [property: AllowedValues("Invitation", "Update", "Cancellation", "Reminder")] string Purpose, string Subject, string Body,
    IReadOnlyList<NotificationRecipient> To, IReadOnlyList<NotificationRecipient> Cc, string IcsFileName, string IcsContent) : IDomainEvent;
