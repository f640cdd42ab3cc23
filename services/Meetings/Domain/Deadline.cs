using System.Text.Json.Serialization;

namespace NetworkPlatform.Meetings.Domain;

/// <summary>A deadline (frist) in the partner calendar, e.g. for applications to the partner fund.</summary>
public sealed record Deadline
{
    [JsonConstructor]
    private Deadline()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string Title { get; private init; } = "";

    [JsonInclude]
    public string Description { get; private init; } = "";

    [JsonInclude]
    public DateTimeOffset DueAt { get; private init; }

    [JsonInclude]
    public string TimeZone { get; private init; } = "";

    /// <summary>Set when the deadline concerns one group only.</summary>
    [JsonInclude]
    public string? GroupId { get; private init; }

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    public static Deadline Post(string id, string networkId, string title, string description, DateTimeOffset dueAt, string timeZone,
        string? groupId, DateTimeOffset now) => new()
    {
        Id = id,
        NetworkId = networkId,
        Title = title,
        Description = description,
        DueAt = dueAt.ToUniversalTime(),
        TimeZone = timeZone,
        GroupId = groupId,
        CreatedAt = now,
    };
}
