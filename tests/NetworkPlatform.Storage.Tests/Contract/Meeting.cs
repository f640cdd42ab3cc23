using NetworkPlatform.Storage;

namespace NetworkPlatform.Storage.Tests.Contract;

/// <summary>A small aggregate for the contract: indexed by group, kind and (optional) chair, by start time and by priority.</summary>
public sealed record Meeting(string Id, string GroupId, string Kind, string? Chair, string Title, DateTimeOffset Start = default,
    int Priority = 0)
{
    public static readonly DocumentCollection<Meeting> Collection = new DocumentCollection<Meeting>("meetings", m => m.Id)
        .WithIndex("group", m => m.GroupId)
        .WithIndex("group_kind", m => m.GroupId, m => m.Kind)
        .WithIndex("chair", m => m.Chair)
        .WithIndex("start", m => m.Start)
        .WithIndex("group_start", m => m.GroupId, m => m.Start)
        .WithIndex("priority", m => m.Priority);
}
