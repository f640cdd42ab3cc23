using NetworkPlatform.Events;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// The other services' events, every type, logged and projected, each once across the replicas (they share this
/// handler's queue, so one aggregate's events are logged in the order they were committed); the inbox around it makes a
/// redelivery change nothing. The live feeds get the events from <see cref="LiveFeedListener"/>.
/// </summary>
public sealed class ReportingEventHandler : IEventHandler<IDomainEvent>
{
    /// <summary>Every documented event type but the reporting service's own (its use cases log those as they publish them).</summary>
    public static IReadOnlyList<Type> EventTypes { get; } = [.. Messaging.Bus.EventTypes.FindIn(typeof(IDomainEvent).Assembly)
        .Where(t => t.Namespace != typeof(Events.Reporting.ProgressReportSubmitted).Namespace)];

    public Task HandleAsync(IDomainEvent domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        EventLog.RecordAsync(unitOfWork, domainEvent, cancellationToken);
}
