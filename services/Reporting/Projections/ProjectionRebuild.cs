using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Drops a network's read models and replays its event log, in position order, through the same projection the live
/// consumers use, reporting progress as it goes. The log itself is kept; a rebuild gives the figures a live projection gives.
/// </summary>
public sealed class ProjectionRebuild(IDocumentStore store, EventTypes eventTypes)
{
    private const int BatchSize = 200;

    /// <summary>The read models a rebuild drops and replays (the copies of groups and organisations only grow: kept).</summary>
    private static readonly IReadOnlyList<(string Name, Func<IDocumentStore, string, CancellationToken, Task> ClearAsync)> Projections =
    [
        Clearing(ReportingCollections.Meetings), Clearing(ReportingCollections.GroupYears), Clearing(ReportingCollections.AttendanceMarks),
        Clearing(ReportingCollections.Participations), Clearing(ReportingCollections.Appointments),
        Clearing(ReportingCollections.Affiliations), Clearing(ReportingCollections.Measures), Clearing(ReportingCollections.Indicators),
        Clearing(ReportingCollections.Accounts), Clearing(ReportingCollections.Learning), Clearing(ReportingCollections.CadenceBreaches),
    ];

    public static IReadOnlyList<string> ProjectionNames { get; } = [.. Projections.Select(p => p.Name)];

    /// <summary>Events replayed of the events in the log when the rebuild started.</summary>
    public async IAsyncEnumerable<(long Replayed, long Total)> RunAsync(string networkId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await EventLog.NumberOlderEventsAsync(store, networkId, ct);
        foreach (var projection in Projections)
        {
            await projection.ClearAsync(store, networkId, ct);
        }

        var total = await EventLog.CountAsync(store, networkId, ct);
        long replayed = 0;
        string? token = null;
        do
        {
            var page = await store.QueryAsync(ReportingCollections.EventLog, networkId,
                ReportingCollections.EventLog.Query().OrderBy(e => e.Position).Page(BatchSize, token), ct);
            await using (var uow = await store.BeginAsync(ct))
            {
                foreach (var logged in page.Items)
                {
                    await ReportingProjection.ApplyAsync(EventLog.ToEvent(logged.Document, eventTypes), uow, ct);
                }
                await uow.CommitAsync(ct);
            }
            replayed += page.Items.Count;
            token = page.NextPageToken;
            yield return (replayed, total);
        }
        while (token is not null);
    }

    private static (string, Func<IDocumentStore, string, CancellationToken, Task>) Clearing<T>(DocumentCollection<T> collection)
        where T : class => (collection.Name, (store, networkId, ct) => ClearAsync(store, collection, networkId, ct));

    private static async Task ClearAsync<T>(IDocumentStore store, DocumentCollection<T> collection, string networkId, CancellationToken ct)
        where T : class
    {
        while (true)
        {
            var page = await store.QueryAsync(collection, networkId, collection.Query().Page(BatchSize), ct);
            if (page.Items.Count == 0)
            {
                return;
            }
            await using var uow = await store.BeginAsync(ct);
            foreach (var item in page.Items)
            {
                await uow.DeleteAsync(collection, networkId, collection.Id(item.Document), item.Version, ct);
            }
            await uow.CommitAsync(ct);
        }
    }
}
