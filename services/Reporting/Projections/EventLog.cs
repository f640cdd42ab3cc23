using System.Text.Json;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>Every event the reporting service has seen or produced, kept so any projection can be rebuilt from scratch.</summary>
public static class EventLog
{
    /// <summary>Logs the event and applies it to the read models; false (and nothing changes) when it was logged before.</summary>
    public static async Task<bool> RecordAsync(IUnitOfWork uow, IDomainEvent domainEvent, CancellationToken ct)
    {
        var logId = LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt);
        if (await uow.GetAsync(ReportingCollections.EventLog, domainEvent.NetworkId, logId, ct) is not null)
        {
            return false;
        }
        await uow.InsertAsync(ReportingCollections.EventLog, domainEvent.NetworkId, ToLogged(domainEvent), ct);
        await ReportingProjection.ApplyAsync(domainEvent, uow, ct);
        return true;
    }

    public static LoggedEvent ToLogged(IDomainEvent domainEvent)
    {
        var type = domainEvent.GetType();
        return new LoggedEvent(
            LoggedEvent.IdFor(domainEvent.EventId, domainEvent.OccurredAt), domainEvent.EventId, type.Name, type.FullName ?? type.Name,
            domainEvent.AggregateId, domainEvent.AggregateVersion, domainEvent.OccurredAt,
            JsonSerializer.Serialize(domainEvent, type, UnitOfWorkEventExtensions.EventJson));
    }
}
