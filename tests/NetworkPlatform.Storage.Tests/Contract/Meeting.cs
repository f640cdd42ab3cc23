using NetworkPlatform.Storage;

namespace NetworkPlatform.Storage.Tests.Contract;

/// <summary>A small aggregate for the contract: indexed by group, kind and (optional) chair.</summary>
public sealed record Meeting(string Id, string GroupId, string Kind, string? Chair, string Title)
{
    public static readonly DocumentCollection<Meeting> Collection = new("meetings", m => m.Id, new Dictionary<string, Func<Meeting, string?>>
    {
        ["group"] = m => m.GroupId,
        ["kind"] = m => m.Kind,
        ["chair"] = m => m.Chair,
    });
}
