using System.Collections.Concurrent;
using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.TestHost;

/// <summary>What a consumer saw of one aggregate, in arrival order: a duplicate or a reordering shows in Versions.</summary>
public sealed record AggregateLog(string AggregateId, IReadOnlyList<long> Versions);

/// <summary>A read model built from events: appends each event's aggregate version to its aggregate's log.</summary>
public class AggregateLogProjection : IEventHandler<MemberJoined>, IEventHandler<BudgetApproved>
{
    public static readonly DocumentCollection<AggregateLog> Logs = new("aggregate_logs", log => log.AggregateId);

    public virtual Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        AppendAsync(unitOfWork, domainEvent.NetworkId, domainEvent.AggregateId, domainEvent.AggregateVersion, cancellationToken);

    public Task HandleAsync(BudgetApproved domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        AppendAsync(unitOfWork, domainEvent.NetworkId, domainEvent.AggregateId, domainEvent.AggregateVersion, cancellationToken);

    internal static async Task AppendAsync(IUnitOfWork unitOfWork, string networkId, string aggregateId, long version,
        CancellationToken cancellationToken)
    {
        var log = await unitOfWork.GetAsync(Logs, networkId, aggregateId, cancellationToken);
        if (log is null)
        {
            await unitOfWork.InsertAsync(Logs, networkId, new AggregateLog(aggregateId, [version]), cancellationToken);
        }
        else
        {
            await unitOfWork.ReplaceAsync(Logs, networkId, log.Document with { Versions = [.. log.Document.Versions, version] }, log.Version, cancellationToken);
        }
    }
}

/// <summary>The same read model from a handler of any event, registered with the types it gets (as reporting's event log).</summary>
public sealed class AnyEventProjection : IEventHandler<IDomainEvent>
{
    public Task HandleAsync(IDomainEvent domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        AggregateLogProjection.AppendAsync(unitOfWork, domainEvent.NetworkId, domainEvent.AggregateId, domainEvent.AggregateVersion,
            cancellationToken);
}

/// <summary>Fails every time on a member named "poison"; counts the attempts.</summary>
public sealed class PoisonRejectingProjection : AggregateLogProjection
{
    public static readonly ConcurrentDictionary<Guid, int> Attempts = new();

    public override Task HandleAsync(MemberJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (domainEvent.PersonName == "poison")
        {
            Attempts.AddOrUpdate(domainEvent.EventId, 1, (_, n) => n + 1);
            throw new InvalidOperationException($"Cannot project member {domainEvent.PersonName}.");
        }
        return base.HandleAsync(domainEvent, unitOfWork, cancellationToken);
    }
}
