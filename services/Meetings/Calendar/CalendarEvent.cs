namespace NetworkPlatform.Meetings.Calendar;

public enum CalendarMethod
{
    /// <summary>A feed to subscribe to.</summary>
    Publish,

    /// <summary>An invitation (iTIP REQUEST): attendees can answer.</summary>
    Request,

    /// <summary>A cancellation (iTIP CANCEL).</summary>
    Cancel,
}

public sealed record CalendarAttendee(string Name, string Address, bool Copied, string PartStat);

/// <summary>One VEVENT: a meeting, or a deadline (no end: it is a point in time).</summary>
public sealed record CalendarEvent
{
    public required string Uid { get; init; }

    public required int Sequence { get; init; }

    public required string Summary { get; init; }

    public string Description { get; init; } = "";

    public string Location { get; init; } = "";

    public string Url { get; init; } = "";

    public required DateTimeOffset Start { get; init; }

    public DateTimeOffset? End { get; init; }

    public required TimeZoneInfo Zone { get; init; }

    /// <summary>TENTATIVE, CONFIRMED or CANCELLED.</summary>
    public required string Status { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public CalendarAttendee? Organizer { get; init; }

    public IReadOnlyList<CalendarAttendee> Attendees { get; init; } = [];

    public required DateTimeOffset LastModified { get; init; }
}
