using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features;

/// <summary>
/// Writes what reporting users enter as events of the reporting service: logged and projected (so a rebuild keeps it),
/// published through the outbox, in one transaction; then shown on the live feeds.
/// </summary>
public sealed class ReportingCommands(IDocumentStore store, LiveFeed feed)
{
    /// <summary>The result of an earlier call with this request id, if there was one.</summary>
    public async Task<string?> PreviousResultAsync(string networkId, string operation, string requestId, CancellationToken ct) =>
        requestId.Length == 0 ? null : (await store.GetAsync(ReportingCollections.Requests, networkId, RequestKey(operation, requestId), ct))?.Document.ResultId;

    public async Task CommitAsync(IDomainEvent domainEvent, CancellationToken ct, string operation = "", string requestId = "", string resultId = "")
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var uow = await store.BeginAsync(ct);
                await EventLog.RecordAsync(uow, domainEvent, ct);
                if (requestId.Length > 0)
                {
                    await uow.InsertAsync(ReportingCollections.Requests, domainEvent.NetworkId, new CompletedRequest(RequestKey(operation, requestId), resultId), ct);
                }
                await uow.PublishAsync(domainEvent, ct);
                await uow.CommitAsync(ct);
                break;
            }
            catch (Exception e) when (attempt < MaxAttempts && EventLog.IsCounterConflict(e))
            {
                // Another append to this network's log committed first; ours rolled back whole, so run it again.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
        feed.Publish(domainEvent.NetworkId, EventLog.ToLogged(domainEvent));
    }

    private const int MaxAttempts = 5;

    private static string RequestKey(string operation, string requestId) => $"{operation}:{requestId}";
}
