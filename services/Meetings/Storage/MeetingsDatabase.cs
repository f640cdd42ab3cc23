using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Storage;

/// <summary>The meetings service's own database: reads the features share, and the one way a meeting changes.</summary>
public sealed class MeetingsDatabase(IDocumentStore store)
{
    private const int PageSize = 200;

    public IDocumentStore Store => store;

    public async Task<Versioned<Meeting>> GetMeetingAsync(string networkId, string meetingId, CancellationToken cancellationToken) =>
        await store.GetAsync(MeetingsCollections.Meetings, networkId, meetingId, cancellationToken)
        ?? throw RpcErrors.NotFound("meeting", $"networks/{networkId}/meetings/{meetingId}");

    public async Task<Versioned<NetworkSettings>?> GetSettingsAsync(string networkId, CancellationToken cancellationToken) =>
        await store.GetAsync(MeetingsCollections.Settings, networkId, MeetingsCollections.SettingsId, cancellationToken);

    public async Task<NetworkSettings> SettingsAsync(string networkId, CancellationToken cancellationToken) =>
        (await GetSettingsAsync(networkId, cancellationToken))?.Document ?? NetworkSettings.Default(networkId);

    public Task<List<Versioned<T>>> AllAsync<T>(DocumentCollection<T> collection, string networkId, CancellationToken cancellationToken, params IndexFilter[] filters)
        where T : class => AllAsync(store, collection, networkId, cancellationToken, filters);

    public static async Task<List<Versioned<T>>> AllAsync<T>(IDocumentStore store, DocumentCollection<T> collection, string networkId, CancellationToken cancellationToken, params IndexFilter[] filters)
        where T : class
    {
        var all = new List<Versioned<T>>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(collection, networkId, new DocumentQuery(filters, PageSize, token), cancellationToken);
            all.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }

    public async Task<List<Meeting>> MeetingsOfGroupAsync(string networkId, string groupId, CancellationToken cancellationToken) =>
        (await AllAsync(MeetingsCollections.Meetings, networkId, cancellationToken, new IndexFilter("group_id", groupId))).Select(v => v.Document).ToList();

    /// <summary>Meetings starting in [from, until), month by month over the start_month index.</summary>
    public async Task<List<Versioned<Meeting>>> MeetingsBetweenAsync(string networkId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var found = new List<Versioned<Meeting>>();
        foreach (var month in Months(from, until))
        {
            found.AddRange(await AllAsync(MeetingsCollections.Meetings, networkId, cancellationToken, new IndexFilter("start_month", month)));
        }
        return found.Where(m => m.Document.Start >= from && m.Document.Start < until).ToList();
    }

    public async Task<List<Deadline>> DeadlinesBetweenAsync(string networkId, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var found = new List<Deadline>();
        foreach (var month in Months(from, until))
        {
            found.AddRange((await AllAsync(MeetingsCollections.Deadlines, networkId, cancellationToken, new IndexFilter("due_month", month))).Select(v => v.Document));
        }
        return found.Where(d => d.DueAt >= from && d.DueAt < until).ToList();
    }

    /// <summary>Open action items of a group, oldest first.</summary>
    public async Task<List<ActionItem>> OpenActionItemsAsync(string networkId, string groupId, CancellationToken cancellationToken) =>
        (await AllAsync(MeetingsCollections.ActionItems, networkId, cancellationToken, new IndexFilter("group_id", groupId), new IndexFilter("status", nameof(ActionItemStatus.Open))))
        .Select(v => v.Document).OrderBy(a => a.CreatedAt).ToList();

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

    private static IEnumerable<string> Months(DateTimeOffset from, DateTimeOffset until)
    {
        for (var month = new DateTimeOffset(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero); month < until; month = month.AddMonths(1))
        {
            yield return MeetingsCollections.Month(month);
        }
    }
}
