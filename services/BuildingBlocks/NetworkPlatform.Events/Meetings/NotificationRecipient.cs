// Published by the meetings service. AggregateId is the meeting id (the action item id for action-item events, the
// group id for CadenceBreached); enum values are names (e.g. "StartUp"); times are UTC with the meeting's IANA zone.
namespace NetworkPlatform.Events.Meetings;

/// <summary>Someone a notification goes to. Kind: Participant, Secretariat or GroupContact; Email may be empty when unknown.</summary>
public sealed record NotificationRecipient(string Kind, string? PersonId, string Name, string Email);
