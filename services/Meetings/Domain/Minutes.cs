namespace NetworkPlatform.Meetings.Domain;

public enum MinutesStatus
{
    Draft,
    Approved,
    Published,
}

/// <summary>The minutes (referat) of a held meeting: drafted, edited, approved, published.</summary>
public sealed record Minutes
{
    public required MinutesStatus Status { get; init; }

    public required string Text { get; init; }

    public required DateTimeOffset DraftedAt { get; init; }

    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    /// <summary>Who the published minutes went to; the secretariat is always among them.</summary>
    public Addressees? PublishedTo { get; init; }
}
