namespace NetworkPlatform.Meetings.Domain;

/// <summary>One item of a standard agenda (<see cref="MeetingTexts.StandardAgendas"/>) or of a network's own.</summary>
public sealed record AgendaTemplateItem(string Title, int DurationMinutes = 0, string Description = "");
