using NetworkPlatform.Events;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Outbox;
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

    public async Task HandleAsync(IDomainEvent domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        await EventLog.RecordAsync(unitOfWork, domainEvent, cancellationToken);
        if (domainEvent is PersonErased erased)
        {
            await ScrubAsync(erased, unitOfWork, cancellationToken);
        }
    }

    /// <summary>
    /// A person was erased: the event is logged (who erased them, when, why: the record of the erasure), and their name and
    /// addresses leave the event log and the outbox in the same unit, so a rebuild cannot bring them back.
    /// </summary>
    private static async Task ScrubAsync(PersonErased erased, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var values = await EventLogErasure.ScrubAsync(unitOfWork, erased.NetworkId, erased.PersonId, PersonErased.FormerParticipant,
            cancellationToken);
        await unitOfWork.ScrubOutboxAsync(erased.NetworkId, values, PersonErased.FormerParticipant, cancellationToken);
    }
}
