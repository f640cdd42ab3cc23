using System.Diagnostics;
using System.Text.Json;
using NetworkPlatform.Events;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Outbox;

public static class UnitOfWorkEventExtensions
{
    public static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web);

    /// <summary>Puts a domain event in the outbox of this transaction; the relay publishes it after commit.</summary>
    public static async Task PublishAsync(this IUnitOfWork unitOfWork, IDomainEvent domainEvent,
        CancellationToken cancellationToken = default)
    {
        var type = domainEvent.GetType();
        var message = new OutboxMessage(
            domainEvent.EventId,
            type.FullName ?? type.Name,
            domainEvent.NetworkId,
            domainEvent.AggregateId,
            domainEvent.AggregateVersion,
            domainEvent.OccurredAt,
            JsonSerializer.Serialize(domainEvent, type, EventJson),
            Activity.Current?.Id);
        await unitOfWork.EnqueueAsync(message, cancellationToken);
    }
}
