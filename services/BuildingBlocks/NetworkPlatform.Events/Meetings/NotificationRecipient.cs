using System.ComponentModel.DataAnnotations;

// Published by the meetings service. AggregateId is the meeting id (the action item id for action-item events, the
// group id for CadenceBreached); enum values are names (e.g. "StartUp"); times are UTC with the meeting's IANA zone.
namespace NetworkPlatform.Events.Meetings;

/// <summary>
/// Someone a notification goes to. Kind: Participant (PersonId set), Secretariat (the network's secretariat) or GroupContact
/// (the group's contact address), PersonId null for the last two. No address: the meetings service looks it up when it sends
/// the mail.
/// </summary>
public sealed record NotificationRecipient(
    [property: AllowedValues("Participant", "Secretariat", "GroupContact")] string Kind, string? PersonId,
    [property: PersonalData] string Name);
