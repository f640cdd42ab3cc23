using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Storage;

/// <summary>Which meetings a list asks for; every part is optional. Pages come in start order, then by id.</summary>
public sealed record MeetingFilter(string GroupId = "", MeetingKind? Kind = null, MeetingStatus? Status = null,
    DateTimeOffset? From = null, DateTimeOffset? Until = null);

/// <summary>Which action items a list asks for; every part is optional. Pages come in due date order, then by id.</summary>
public sealed record ActionItemFilter(string GroupId = "", string MeetingId = "", string OwnerPersonId = "", bool OpenOnly = false);

/// <summary>
/// The meetings service's own database: the reads the features share, each one indexed query (or a few) that reads
/// what it returns, and the one way a meeting changes.
/// </summary>
public sealed class MeetingsDatabase(IDocumentStore store)
{
    /// <summary>How many of a group's open action items a new meeting carries over (the oldest).</summary>
    public const int MaxCarriedOver = 100;

    public IDocumentStore Store => store;

    public async Task<Versioned<Meeting>> GetMeetingAsync(string networkId, string meetingId, CancellationToken cancellationToken) =>
        await store.GetAsync(MeetingsCollections.Meetings, networkId, meetingId, cancellationToken)
        ?? throw RpcErrors.NotFound("meeting", $"networks/{networkId}/meetings/{meetingId}");

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
        return PageAsync(MeetingsCollections.Meetings, networkId, query, cancellationToken);
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
        return PageAsync(MeetingsCollections.ActionItems, networkId, query, cancellationToken);
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

    /// <summary>
    /// Reads, checks the etag (empty means "whatever is current"), applies the change, stores it and lets
    /// <paramref name="publish"/> put events in the same transaction with the new version.
    /// </summary>
    public async Task<Versioned<Meeting>> ChangeMeetingAsync(
        string networkId, string meetingId, string etag, Func<Meeting, Task<Meeting>> change, Func<Meeting, Meeting, long, IUnitOfWork, Task> publish,
        CancellationToken cancellationToken)
    {
        await using var unitOfWork = await store.BeginAsync(cancellationToken);
        var current = await unitOfWork.GetAsync(MeetingsCollections.Meetings, networkId, meetingId, cancellationToken)
            ?? throw RpcErrors.NotFound("meeting", $"networks/{networkId}/meetings/{meetingId}");
        EnsureEtag(current, etag, $"networks/{networkId}/meetings/{meetingId}");
        var changed = await change(current.Document);
        var version = await unitOfWork.ReplaceAsync(MeetingsCollections.Meetings, networkId, changed, current.Version, cancellationToken);
        await publish(current.Document, changed, version, unitOfWork);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Meeting>(changed, version);
    }

    public static void EnsureEtag<T>(Versioned<T> current, string etag, string subject)
    {
        if (etag.Length > 0 && etag != current.ETag)
        {
            throw RpcErrors.Aborted(subject, current.ETag);
        }
    }

    private static DocumentQuery<Meeting> Filtered(DocumentQuery<Meeting> query, string groupId, MeetingKind? kind)
    {
        if (groupId.Length > 0)
        {
            query = query.Where(m => m.GroupId, groupId);
        }
        return kind is { } k ? query.Where(m => m.Kind, k) : query;
    }

    /// <summary>
    /// One page; a token this store did not issue for this order (e.g. an offset of an older version) is the caller's error.
    /// </summary>
    private async Task<Page<T>> PageAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query,
        CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await store.QueryAsync(collection, networkId, query, cancellationToken);
        }
        catch (InvalidPageTokenException invalid)
        {
            throw RpcErrors.InvalidArgument("page_token", invalid.Message);
        }
    }
}
