using System.Text.Json;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// Drops a network's read models and replays its event log through the same projection the live consumers use,
/// reporting progress as it goes. The log itself is kept; a rebuild gives the figures a live projection gives.
/// </summary>
public sealed class ProjectionRebuild(IDocumentStore store, EventTypes eventTypes)
{
    private const int BatchSize = 200;

    public async IAsyncEnumerable<(long Replayed, long Total)> RunAsync(string networkId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await ClearAsync(ReportingCollections.Meetings, networkId, ct);
        await ClearAsync(ReportingCollections.GroupYears, networkId, ct);
        await ClearAsync(ReportingCollections.AttendanceMarks, networkId, ct);
        await ClearAsync(ReportingCollections.Participations, networkId, ct);
        await ClearAsync(ReportingCollections.Appointments, networkId, ct);
        await ClearAsync(ReportingCollections.Affiliations, networkId, ct);
        await ClearAsync(ReportingCollections.Measures, networkId, ct);
        await ClearAsync(ReportingCollections.Indicators, networkId, ct);
        await ClearAsync(ReportingCollections.Accounts, networkId, ct);
        await ClearAsync(ReportingCollections.Learning, networkId, ct);
        await ClearAsync(ReportingCollections.CadenceBreaches, networkId, ct);

        var total = await EventLog.CountAsync(store, networkId, ct);
        long replayed = 0;
        string? token = null;
        do
        {
            var page = await store.QueryAsync(ReportingCollections.EventLog, networkId,
                ReportingCollections.EventLog.Query().Page(BatchSize, token), ct);
            await using (var uow = await store.BeginAsync(ct))
            {
                foreach (var logged in page.Items)
                {
                    await ReportingProjection.ApplyAsync(Deserialize(logged.Document), uow, ct);
                }
                await uow.CommitAsync(ct);
            }
            replayed += page.Items.Count;
            token = page.NextPageToken;
            yield return (replayed, total);
        }
        while (token is not null);
    }

    private IDomainEvent Deserialize(LoggedEvent logged)
    {
        var type = eventTypes.Find(logged.TypeName)
            ?? throw new InvalidOperationException($"The event log holds {logged.TypeName}, which this build no longer knows; "
                + "restore the event type or map it to its successor.");
        return (IDomainEvent)JsonSerializer.Deserialize(logged.PayloadJson, type, UnitOfWorkEventExtensions.EventJson)!;
    }

    private async Task ClearAsync<T>(DocumentCollection<T> collection, string networkId, CancellationToken ct) where T : class
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
