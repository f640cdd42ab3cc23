using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Meetings.Domain;

public enum ActionItemStatus
{
    Open,
    Done,
}

/// <summary>Something a person agreed to do at a meeting; while open it carries over to the group's next meetings.</summary>
public sealed record ActionItem
{
    [JsonConstructor]
    private ActionItem()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    /// <summary>The group whose meetings it follows; empty for network-level meetings.</summary>
    [JsonInclude]
    public string GroupId { get; private init; } = "";

    [JsonInclude]
    public string MeetingId { get; private init; } = "";

    [JsonInclude]
    public string Title { get; private init; } = "";

    [JsonInclude]
    public string OwnerPersonId { get; private init; } = "";

    [JsonInclude]
    public string OwnerName { get; private init; } = "";

    [JsonInclude]
    public DateOnly DueDate { get; private init; }

    [JsonInclude]
    public ActionItemStatus Status { get; private init; } = ActionItemStatus.Open;

    [JsonInclude]
    public DateTimeOffset? CompletedAt { get; private init; }

    [JsonInclude]
    public string? CompletedBy { get; private init; }

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    /// <summary>
    /// An action item agreed at <paramref name="meeting"/>, owned by a person (named as on the meeting's lists, else as
    /// given). Cancelled meetings agree nothing.
    /// </summary>
    public static ActionItem AgreeAt(Meeting meeting, string id, string title, string ownerPersonId, string ownerName, DateOnly dueDate,
        DateTimeOffset now)
    {
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new RuleViolationException("MEETING_CANCELLED", meeting.Subject,
                "Action items are agreed at meetings that take place; this one was cancelled.");
        }
        return new ActionItem
        {
            Id = id,
            NetworkId = meeting.NetworkId,
            GroupId = meeting.GroupId,
            MeetingId = meeting.Id,
            Title = title,
            OwnerPersonId = ownerPersonId,
            OwnerName = meeting.NameOf(ownerPersonId) ?? ownerName,
            DueDate = dueDate,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Its owner was erased (GDPR article 17): the item stays, owned by <paramref name="formerName"/>, which also replaces
    /// the owner's <paramref name="values"/> (name, address) in its title.
    /// </summary>
    public ActionItem EraseOwner(IEnumerable<string> values, string formerName) => this with
    {
        OwnerName = formerName,
        Title = values.Where(v => v.Length > 0).Aggregate(Title, (t, v) => t.Replace(v, formerName, StringComparison.Ordinal)),
    };

    public ActionItem Complete(DateTimeOffset at, string by) =>
        Status == ActionItemStatus.Done
            ? throw new RuleViolationException("ACTION_ITEM_ALREADY_DONE", $"actionItems/{Id}",
                $"Action item '{Title}' was already completed at {CompletedAt:u}; nothing to do.")
            : this with { Status = ActionItemStatus.Done, CompletedAt = at, CompletedBy = by };

    public bool IsOverdue(DateOnly today) => Status == ActionItemStatus.Open && DueDate < today;
}
