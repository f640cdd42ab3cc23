namespace NetworkPlatform.Meetings.Domain;

/// <summary>One point on a meeting's agenda; optionally timed and linked to measures (tiltak) of the action plan.</summary>
public sealed record AgendaItem
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>Planned minutes for this point; 0 when untimed.</summary>
    public int DurationMinutes { get; init; }

    public IReadOnlyList<string> MeasureIds { get; init; } = [];
}
