namespace NetworkPlatform.Meetings.Domain;

/// <summary>A deadline (frist) in the partner calendar, e.g. for applications to the partner fund.</summary>
public sealed record Deadline
{
    public required string Id { get; init; }

    public required string NetworkId { get; init; }

    public required string Title { get; init; }

    public string Description { get; init; } = "";

    public required DateTimeOffset DueAt { get; init; }

    public required string TimeZone { get; init; }

    /// <summary>Set when the deadline concerns one group only.</summary>
    public string? GroupId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
