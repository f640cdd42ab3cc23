using System.ComponentModel.DataAnnotations;

namespace NetworkPlatform.Events.Meetings;

/// <summary>Answer: Accepted, Declined, Tentative.</summary>
[Aggregate("Meeting")]
public sealed record RsvpReceived(
    Guid EventId, DateTimeOffset OccurredAt, string NetworkId, string AggregateId, long AggregateVersion, string MeetingId, string GroupId,
    string PersonId, [property: AllowedValues("Accepted", "Declined", "Tentative")] string Answer,
    [property: PersonalData] string Comment) : IDomainEvent;
