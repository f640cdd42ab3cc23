namespace NetworkPlatform.Events;

/// <summary>
/// Marks an event field that is personal data (a person's name, free text about a person): the catalogue shows it as
/// <c>"x-personal-data": true</c>, so a consumer knows what its retention and access rules must cover. Contact details
/// (e-mail addresses, phone numbers) never go on the wire at all: events carry person ids, and whoever may see the
/// details asks the person API. Ids and the subjects in *By fields are references, not marked.
/// On a positional record, write it as <c>[property: PersonalData]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PersonalDataAttribute : Attribute;
