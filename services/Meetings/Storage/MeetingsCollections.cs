using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Storage;

/// <summary>Which cadence breaches of a group's year were already published, so each is published once.</summary>
public sealed record CadenceRecord(string Id, IReadOnlyList<string> BreachedKeys)
{
    public static string IdFor(string groupId, int year) => $"{groupId}:{year}";
}

/// <summary>The meetings service's documents and the indexes its queries use (equality fields first, then the order).</summary>
public static class MeetingsCollections
{
    public const string SettingsId = "meetings";

    /// <summary>
    /// By start time: in all, of a group, of a kind (partner meetings), of a status; and a group's held ones, of any kind
    /// and of one kind (cadence: the first held meeting in a window).
    /// </summary>
    public static readonly DocumentCollection<Meeting> Meetings = new DocumentCollection<Meeting>("meetings", m => m.Id)
        .WithIndex("start", m => m.Start)
        .WithIndex("group_start", m => m.GroupId, m => m.Start)
        .WithIndex("group_status_start", m => m.GroupId, m => m.Status, m => m.Start)
        .WithIndex("group_kind_status_start", m => m.GroupId, m => m.Kind, m => m.Status, m => m.Start)
        .WithIndex("kind_start", m => m.Kind, m => m.Start)
        .WithIndex("status_start", m => m.Status, m => m.Start);

    /// <summary>By due date (lists), and a group's open ones oldest first (carried over to its next meeting).</summary>
    public static readonly DocumentCollection<ActionItem> ActionItems = new DocumentCollection<ActionItem>("action_items", a => a.Id)
        .WithIndex("due", a => a.DueDate)
        .WithIndex("group_due", a => a.GroupId, a => a.DueDate)
        .WithIndex("meeting_due", a => a.MeetingId, a => a.DueDate)
        .WithIndex("owner_due", a => a.OwnerPersonId, a => a.DueDate)
        .WithIndex("status_due", a => a.Status, a => a.DueDate)
        .WithIndex("group_status_created", a => a.GroupId, a => a.Status, a => a.CreatedAt);

    public static readonly DocumentCollection<Deadline> Deadlines = new DocumentCollection<Deadline>("deadlines",
        d => d.Id).WithIndex("due", d => d.DueAt);

    public static readonly DocumentCollection<NetworkSettings> Settings = new("meeting_settings", _ => SettingsId);

    public static readonly DocumentCollection<CadenceRecord> Cadence = new("cadence_records", c => c.Id);

    public static readonly DocumentCollection<KnownNetwork> Networks = new("known_networks", n => n.NetworkId);

    /// <summary>The reporting service's partner-fund applications, copied from its events, for decisions in minutes to name.</summary>
    public static readonly DocumentCollection<FundApplicationCopy> FundApplications = new("fund_applications", a => a.Id);

    /// <summary>Every collection, for the migration that creates their indexes.</summary>
    public static IReadOnlyCollection<IDocumentCollection> All { get; } =
        [Meetings, ActionItems, Deadlines, Settings, Cadence, Networks, FundApplications, Application.PersonalData.ContactReads.Collection];
}

/// <summary>
/// A partner-fund application as the reporting service announced it (FundApplicationSubmitted, FundApplicationDecided):
/// which accounts it is in and whether it is still open. About a second behind reporting.
/// </summary>
public sealed record FundApplicationCopy(string Id, string GroupId, int Year, bool Decided);

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
