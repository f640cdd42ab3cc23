using System.Globalization;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Storage;

/// <summary>Which cadence breaches of a group's year were already published, so each is published once.</summary>
public sealed record CadenceRecord(string Id, IReadOnlyList<string> BreachedKeys)
{
    public static string IdFor(string groupId, int year) => $"{groupId}:{year}";
}

/// <summary>The meetings service's documents and the fields its queries filter on.</summary>
public static class MeetingsCollections
{
    public const string SettingsId = "meetings";

    public static readonly DocumentCollection<Meeting> Meetings = new("meetings", m => m.Id, new Dictionary<string, Func<Meeting, string?>>
    {
        ["group_id"] = m => m.GroupId,
        ["kind"] = m => m.Kind.ToString(),
        ["start_month"] = m => Month(m.Start),
    });

    public static readonly DocumentCollection<ActionItem> ActionItems = new("action_items", a => a.Id, new Dictionary<string, Func<ActionItem, string?>>
    {
        ["group_id"] = a => a.GroupId,
        ["meeting_id"] = a => a.MeetingId,
        ["owner_person_id"] = a => a.OwnerPersonId,
        ["status"] = a => a.Status.ToString(),
    });

    public static readonly DocumentCollection<Deadline> Deadlines = new("deadlines", d => d.Id, new Dictionary<string, Func<Deadline, string?>>
    {
        ["due_month"] = d => Month(d.DueAt),
    });

    public static readonly DocumentCollection<NetworkSettings> Settings = new("meeting_settings", _ => SettingsId);

    public static readonly DocumentCollection<CadenceRecord> Cadence = new("cadence_records", c => c.Id);

    /// <summary>Creates retried with the same request_id find what the first attempt made.</summary>
    public static readonly DocumentCollection<RequestRecord> Requests = new("request_ids", r => r.RequestId);

    public static readonly DocumentCollection<KnownNetwork> Networks = new("known_networks", n => n.NetworkId);

    /// <summary>UTC month (yyyy-MM): the store filters by equality, so date ranges are queried month by month.</summary>
    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

public sealed record RequestRecord(string RequestId, string ResourceId);

/// <summary>A network this service holds meetings for; the reminder sweep walks them (the store is partitioned by network).</summary>
public sealed record KnownNetwork(string NetworkId)
{
    /// <summary>The partition of the service's own bookkeeping, outside every tenant.</summary>
    public const string Partition = "_meetings";

    public static async Task RememberAsync(IUnitOfWork unitOfWork, string networkId, CancellationToken cancellationToken)
    {
        if (await unitOfWork.GetAsync(MeetingsCollections.Networks, Partition, networkId, cancellationToken) is null)
        {
            await unitOfWork.InsertAsync(MeetingsCollections.Networks, Partition, new KnownNetwork(networkId), cancellationToken);
        }
    }
}
