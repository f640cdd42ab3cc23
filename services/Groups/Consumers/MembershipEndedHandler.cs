using Microsoft.Extensions.Logging;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Consumers;

/// <summary>
/// A representative's appointment ended, or their organisation's membership did: they leave the groups they were in
/// for that organisation (<see cref="RemoveFromGroups"/>, in the delivery's unit of work). A group that loses its leader
/// or budget responsible this way is flagged as missing the role. Idempotent twice over: the inbox drops redeliveries,
/// and a person already gone changes nothing.
/// </summary>
public sealed class MembershipEndedHandler(GroupsContext context, ILogger<MembershipEndedHandler> logger)
    : IEventHandler<RepresentativeWithdrawn>, IEventHandler<MembershipResigned>
{
    public async Task HandleAsync(RepresentativeWithdrawn domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var changed = await RemoveAsync(new RemoveFromGroupsCommand(domainEvent.NetworkId, domainEvent.OrganisationId, domainEvent.PersonId,
            ParticipationReasons.RepresentativeWithdrawn), unitOfWork, cancellationToken);
        logger.LogInformation("Representative {PersonId} of {OrganisationId} withdrawn ({Reason}): left {Count} group(s).",
            domainEvent.PersonId, domainEvent.OrganisationId, domainEvent.Reason, changed.Count);
    }

    public async Task HandleAsync(MembershipResigned domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var changed = await RemoveAsync(new RemoveFromGroupsCommand(domainEvent.NetworkId, domainEvent.OrganisationId, "",
            ParticipationReasons.MembershipResigned),
            unitOfWork, cancellationToken);
        logger.LogInformation("Organisation {OrganisationId} resigned: its representatives left {Count} group(s).",
            domainEvent.OrganisationId,
            changed.Count);
    }

    private Task<IReadOnlyList<string>> RemoveAsync(RemoveFromGroupsCommand command, IUnitOfWork unitOfWork,
        CancellationToken cancellationToken) =>
        new RemoveFromGroups(context.Within(unitOfWork)).RunAsync(command, ServiceCaller.For(command.NetworkId), cancellationToken);
}
