namespace NetworkPlatform.Meetings.Domain;

public enum ActionItemStatus
{
    Open,
    Done,
}

/// <summary>Something a person agreed to do at a meeting; while open it carries over to the group's next meetings.</summary>
public sealed record ActionItem
{
    public required string Id { get; init; }

    public required string NetworkId { get; init; }

    /// <summary>The group whose meetings it follows; empty for network-level meetings.</summary>
    public required string GroupId { get; init; }

    public required string MeetingId { get; init; }

    public required string Title { get; init; }

    public required string OwnerPersonId { get; init; }

    public string OwnerName { get; init; } = "";

    public required DateOnly DueDate { get; init; }

    public ActionItemStatus Status { get; init; } = ActionItemStatus.Open;

    public DateTimeOffset? CompletedAt { get; init; }

    public string? CompletedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public ActionItem Complete(DateTimeOffset at, string by) =>
        Status == ActionItemStatus.Done
            ? throw new MeetingRuleException("ACTION_ITEM_ALREADY_DONE", $"actionItems/{Id}", $"Action item '{Title}' was already completed at {CompletedAt:u}; nothing to do.")
            : this with { Status = ActionItemStatus.Done, CompletedAt = at, CompletedBy = by };

    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueDate < today;
}
