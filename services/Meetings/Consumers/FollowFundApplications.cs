using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>
/// Keeps the copy of the reporting service's fund applications that decisions in minutes are checked against
/// (<see cref="FundApplicationCopy"/>): a copy of another service's data, written as its events arrive, not a use case.
/// </summary>
public sealed class FollowFundApplications : IEventHandler<FundApplicationSubmitted>, IEventHandler<FundApplicationDecided>
{
    public Task HandleAsync(FundApplicationSubmitted domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        KeepAsync(unitOfWork, domainEvent.NetworkId, new FundApplicationCopy(domainEvent.ApplicationId, domainEvent.GroupId,
            domainEvent.Year, Decided: false), cancellationToken);

    public Task HandleAsync(FundApplicationDecided domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        KeepAsync(unitOfWork, domainEvent.NetworkId, new FundApplicationCopy(domainEvent.ApplicationId, domainEvent.GroupId,
            domainEvent.Year, Decided: true), cancellationToken);

    private static async Task KeepAsync(IUnitOfWork unitOfWork, string networkId, FundApplicationCopy application,
        CancellationToken cancellationToken)
    {
        var stored = await unitOfWork.GetForUpdateAsync(MeetingsCollections.FundApplications, networkId, application.Id,
            cancellationToken);
        if (stored is null)
        {
            await unitOfWork.InsertAsync(MeetingsCollections.FundApplications, networkId, application, cancellationToken);
        }
        else if (!stored.Document.Decided)
        {
            // A decision is final: a late Submitted (events of one application may arrive out of order) does not reopen it.
            await unitOfWork.ReplaceAsync(MeetingsCollections.FundApplications, networkId, application, stored.Version,
                cancellationToken);
        }
    }
}
