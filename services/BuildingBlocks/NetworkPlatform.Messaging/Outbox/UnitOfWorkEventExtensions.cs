using System.Diagnostics;
using System.Text.Json;
using NetworkPlatform.Events;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Outbox;

public static class UnitOfWorkEventExtensions
{
    public static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    private static readonly string AggregateVersionField =
        EventJson.PropertyNamingPolicy!.ConvertName(nameof(IDomainEvent.AggregateVersion));

    /// <summary>
    /// Puts a domain event in the outbox of this transaction; the relay publishes it after commit. The event goes out at the
    /// next version of its aggregate stream (<see cref="AggregateAttribute"/>), whatever AggregateVersion it was made with:
    /// returned is the event as published, for whoever keeps or shows it further.
    /// </summary>
    public static async Task<IDomainEvent> PublishAsync(this IUnitOfWork unitOfWork, IDomainEvent domainEvent,
        CancellationToken cancellationToken = default)
    {
        var type = domainEvent.GetType();
        var version = await unitOfWork.NextAggregateVersionAsync(
            domainEvent.NetworkId, AggregateAttribute.Of(type), domainEvent.AggregateId, cancellationToken);
        var json = JsonSerializer.SerializeToNode(domainEvent, type, EventJson)!.AsObject();
        json[AggregateVersionField] = version;
        var message = new OutboxMessage(
            domainEvent.EventId,
            type.FullName ?? type.Name,
            domainEvent.NetworkId,
            domainEvent.AggregateId,
            version,
            domainEvent.OccurredAt,
            json.ToJsonString(EventJson),
            Activity.Current?.Id);
        await unitOfWork.EnqueueAsync(message, cancellationToken);
        return (IDomainEvent)json.Deserialize(type, EventJson)!;
    }

    /// <summary>
    /// Replaces a person's known values (name, addresses, ...) in the network's outbox messages by
    /// <paramref name="replacement"/>, matching them as the payloads' JSON writes them (non-ASCII letters escaped).
    /// </summary>
    public static Task<int> ScrubOutboxAsync(this IUnitOfWork unitOfWork, string networkId, IEnumerable<string> values,
        string replacement, CancellationToken cancellationToken = default) =>
        unitOfWork.ScrubOutboxAsync(networkId, [.. values.Where(v => v.Length > 0).Select(InPayload)], InPayload(replacement),
            cancellationToken);

    /// <summary>A string as it appears inside an event payload (JSON-escaped, without its quotes).</summary>
    public static string InPayload(string value) => JsonSerializer.Serialize(value, EventJson)[1..^1];
}
