using NetworkPlatform.Application.Changes;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Storage;

/// <summary>Which meetings a list asks for; every part is optional. Pages come in start order, then by id.</summary>
public sealed record MeetingFilter(string GroupId = "", MeetingKind? Kind = null, MeetingStatus? Status = null,
    DateTimeOffset? From = null, DateTimeOffset? Until = null);

/// <summary>Which action items a list asks for; every part is optional. Pages come in due date order, then by id.</summary>
public sealed record ActionItemFilter(string GroupId = "", string MeetingId = "", string OwnerPersonId = "", bool OpenOnly = false);

/// <summary>
/// The meetings service's own database: the reads the use cases share, each one indexed query (or a few) that reads
/// what it returns. Writes go through <see cref="Writes"/>.
/// </summary>
public sealed class MeetingsDatabase(IDocumentStore store)
{
    /// <summary>How many of a group's open action items a new meeting carries over (the oldest).</summary>
    public const int MaxCarriedOver = 100;

    public IDocumentStore Store => store;

    /// <summary>The meeting; NOT_FOUND when it does not exist.</summary>
    public Task<Versioned<Meeting>> GetMeetingAsync(string networkId, string meetingId, CancellationToken cancellationToken) =>
        store.RequireAsync(MeetingsResources.Meetings, networkId, meetingId, cancellationToken);

    public async Task<Versioned<NetworkSettings>?> GetSettingsAsync(string networkId, CancellationToken cancellationToken) =>
        await store.GetAsync(MeetingsCollections.Settings, networkId, MeetingsCollections.SettingsId, cancellationToken);

    public async Task<NetworkSettings> SettingsAsync(string networkId, CancellationToken cancellationToken) =>
        (await GetSettingsAsync(networkId, cancellationToken))?.Document ?? NetworkSettings.Default(networkId);

    public Task<Page<Meeting>> ListMeetingsAsync(string networkId, MeetingFilter filter, int pageSize, string pageToken,
        CancellationToken cancellationToken)
    {
        var query = MeetingsCollections.Meetings.Query().Between(m => m.Start, filter.From, filter.Until).Page(pageSize, pageToken);
        if (filter.GroupId.Length > 0)
        {
            query = query.Where(m => m.GroupId, filter.GroupId);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(m => m.Kind, kind);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(m => m.Status, status);
        }
        return store.QueryAsync(MeetingsCollections.Meetings, networkId, query, cancellationToken);
    }

    public Task<Page<ActionItem>> ListActionItemsAsync(string networkId, ActionItemFilter filter, int pageSize, string pageToken,
        CancellationToken cancellationToken)
    {
        var query = MeetingsCollections.ActionItems.Query().OrderBy(a => a.DueDate).Page(pageSize, pageToken);
        if (filter.GroupId.Length > 0)
        {
            query = query.Where(a => a.GroupId, filter.GroupId);
        }
        if (filter.MeetingId.Length > 0)
        {
            query = query.Where(a => a.MeetingId, filter.MeetingId);
        }
        if (filter.OwnerPersonId.Length > 0)
        {
            query = query.Where(a => a.OwnerPersonId, filter.OwnerPersonId);
        }
        if (filter.OpenOnly)
        {
            query = query.Where(a => a.Status, ActionItemStatus.Open);
        }
        return store.QueryAsync(MeetingsCollections.ActionItems, networkId, query, cancellationToken);
    }

    /// <summary>
    /// Meetings starting in [from, until) (null: open-ended), in start order: of a group when <paramref name="groupId"/> is
    /// given, of a kind when <paramref name="kind"/> is.
    /// </summary>
    public Task<List<Meeting>> MeetingsBetweenAsync(
        string networkId, DateTimeOffset from, DateTimeOffset? until, CancellationToken cancellationToken, string groupId = "",
            MeetingKind? kind = null) =>
        store.ReadAllAsync(MeetingsCollections.Meetings, networkId, Filtered(MeetingsCollections.Meetings.Query().Between(m
            => m.Start, from,
            until), groupId, kind), cancellationToken);

    /// <summary>A group's upcoming meetings whose invitations went out, in start order.</summary>
    public async Task<IReadOnlyList<Meeting>> UpcomingInvitedAsync(string networkId, string groupId, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        [.. (await MeetingsBetweenAsync(networkId, now, null, cancellationToken, groupId: groupId))
            .Where(m => m.IsUpcoming(now) && m.Status == MeetingStatus.Invited)];

    /// <summary>
    /// The first meetings (at most <paramref name="count"/>) of a group starting in [from, until), in start order, of one
    /// kind and status when given: a cadence requirement reads only as far as the first one that meets it.
    /// </summary>
    public async Task<IReadOnlyList<Meeting>> FirstMeetingsAsync(
        string networkId, string groupId, MeetingKind? kind, MeetingStatus? status, DateTimeOffset from, DateTimeOffset until, int count,
        CancellationToken cancellationToken)
    {
        var query = Filtered(MeetingsCollections.Meetings.Query().Between(m => m.Start, from, until), groupId, kind).Page(count);
        query = status is { } s ? query.Where(m => m.Status, s) : query;
        return [.. (await store.QueryAsync(MeetingsCollections.Meetings, networkId, query,
            cancellationToken)).Items.Select(m => m.Document)];
    }

    public async Task<List<Deadline>> DeadlinesBetweenAsync(string networkId, DateTimeOffset from, DateTimeOffset until,
        CancellationToken cancellationToken) =>
        await store.ReadAllAsync(MeetingsCollections.Deadlines, networkId, MeetingsCollections.Deadlines.Query().Between(d => d.DueAt, from,
            until), cancellationToken);

    /// <summary>The oldest open action items of a group (at most <see cref="MaxCarriedOver"/>).</summary>
    public async Task<List<ActionItem>> OpenActionItemsAsync(string networkId, string groupId, CancellationToken cancellationToken)
    {
        var query = MeetingsCollections.ActionItems.Query()
            .Where(a => a.GroupId, groupId).Where(a => a.Status, ActionItemStatus.Open).OrderBy(a => a.CreatedAt).Page(MaxCarriedOver);
        return [.. (await store.QueryAsync(MeetingsCollections.ActionItems, networkId, query,
            cancellationToken)).Items.Select(i => i.Document)];
    }

    /// <summary>The action items agreed at one meeting.</summary>
    public Task<List<ActionItem>> ActionItemsOfMeetingAsync(string networkId, string meetingId, CancellationToken cancellationToken) =>
        store.ReadAllAsync(MeetingsCollections.ActionItems, networkId, MeetingsCollections.ActionItems.Query().Where(a => a.MeetingId,
            meetingId).OrderBy(a => a.DueDate), cancellationToken);

    /// <summary>Every network this service holds meetings for (the reminder sweep's list).</summary>
    public Task<List<KnownNetwork>> KnownNetworksAsync(CancellationToken cancellationToken) =>
        store.ReadAllAsync(MeetingsCollections.Networks, KnownNetwork.Partition, MeetingsCollections.Networks.Query(), cancellationToken);

    private static DocumentQuery<Meeting> Filtered(DocumentQuery<Meeting> query, string groupId, MeetingKind? kind)
    {
        if (groupId.Length > 0)
        {
            query = query.Where(m => m.GroupId, groupId);
        }
        return kind is { } k ? query.Where(m => m.Kind, k) : query;
    }
}
