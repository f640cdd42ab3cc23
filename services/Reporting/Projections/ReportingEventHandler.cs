using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// The other services' events, logged and projected, each once across the replicas (they share this handler's queue);
/// the inbox around it makes a redelivery change nothing. The live feeds get the events from <see cref="LiveFeedListener"/>.
/// </summary>
public sealed class ReportingEventHandler :
    IEventHandler<MeetingScheduled>, IEventHandler<MeetingRescheduled>, IEventHandler<MeetingCancelled>, IEventHandler<AttendanceRecorded>,
    IEventHandler<MinutesPublished>, IEventHandler<DecisionRecorded>, IEventHandler<CadenceBreached>,
    IEventHandler<ParticipantJoined>, IEventHandler<ParticipantLeft>, IEventHandler<MeasureCreated>, IEventHandler<MeasureAssigned>,
    IEventHandler<RepresentativeAppointed>, IEventHandler<RepresentativeWithdrawn>, IEventHandler<GroupProposed>,
    IEventHandler<OrganisationRegistered>, IEventHandler<RepresentativeUpdated>, IEventHandler<MeasureRetitled>,
    IEventHandler<PersonErased>
{
    /// <summary>
    /// A person was erased: the event is logged (who erased them, when, why: the record of the erasure), and their name and
    /// addresses leave the event log and the outbox in the same unit, so a rebuild cannot bring them back.
    /// </summary>
    public async Task HandleAsync(PersonErased domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        await RecordAsync(domainEvent, unitOfWork, cancellationToken);
        var values = await EventLogErasure.ScrubAsync(unitOfWork, domainEvent.NetworkId, domainEvent.PersonId,
            PersonErased.FormerParticipant, cancellationToken);
        await unitOfWork.ScrubOutboxAsync(domainEvent.NetworkId, values, PersonErased.FormerParticipant, cancellationToken);
    }

    public Task HandleAsync(MeasureRetitled domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(RepresentativeUpdated domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(GroupProposed domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(OrganisationRegistered domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(MeetingScheduled domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(MeetingRescheduled domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(MeetingCancelled domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(AttendanceRecorded domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(MinutesPublished domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(DecisionRecorded domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(CadenceBreached domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(ParticipantJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(ParticipantLeft domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(MeasureCreated domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(MeasureAssigned domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(RepresentativeAppointed domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    public Task HandleAsync(RepresentativeWithdrawn domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        RecordAsync(domainEvent, unitOfWork, cancellationToken);

    private static Task RecordAsync(IDomainEvent domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        EventLog.RecordAsync(unitOfWork, domainEvent, cancellationToken);
}
