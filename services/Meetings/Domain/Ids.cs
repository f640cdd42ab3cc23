namespace NetworkPlatform.Meetings.Domain;

public static class Ids
{
    /// <summary>A new id with a readable prefix; Guid v7 so ids sort by creation time (the store orders by id).</summary>
    public static string New(string prefix) => $"{prefix}-{Guid.CreateVersion7():N}";
}
