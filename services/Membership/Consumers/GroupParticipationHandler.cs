using NetworkPlatform.Events.Groups;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Consumers;

/// <summary>
/// Keeps <see cref="MembershipCollections.GroupParticipations"/> in step with the groups service: who is in which group,
/// and who leads it. A group that is dissolved or has concluded has no members any more. Every change is written
/// as the state the event describes (join when in changes nothing, leave when gone changes nothing), so a copy of an
/// event that slipped past the inbox changes nothing either.
/// </summary>
public sealed class GroupParticipationHandler(MembershipContext context) :
    IEventHandler<ParticipantJoined>, IEventHandler<ParticipantLeft>, IEventHandler<RoleAssigned>, IEventHandler<RoleVacated>,
    IEventHandler<GroupConcluded>, IEventHandler<GroupDissolved>
{
    /// <summary>GroupConcluded's state once the group has finished (before that it is "Concluding" and still works).</summary>
    private const string Concluded = "Concluded";

    public Task HandleAsync(ParticipantJoined domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        ChangeAsync(unitOfWork, domainEvent.NetworkId, domainEvent.GroupId, domainEvent.PersonId, p => p, cancellationToken);

    public Task HandleAsync(RoleAssigned domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        ChangeAsync(unitOfWork, domainEvent.NetworkId, domainEvent.GroupId, domainEvent.PersonId, p => p.WithRole(domainEvent.Role),
            cancellationToken);

    public Task HandleAsync(RoleVacated domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        ChangeAsync(unitOfWork, domainEvent.NetworkId, domainEvent.GroupId, domainEvent.PersonId, p => p.WithoutRole(domainEvent.Role),
            cancellationToken,
            createMissing: false);

    public async Task HandleAsync(ParticipantLeft domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var id = MembershipCollections.GroupParticipationId(domainEvent.GroupId, domainEvent.PersonId);
        if (await unitOfWork.GetAsync(MembershipCollections.GroupParticipations, domainEvent.NetworkId, id,
            cancellationToken) is { } current)
        {
            await unitOfWork.DeleteAsync(MembershipCollections.GroupParticipations, domainEvent.NetworkId, id, current.Version,
                cancellationToken);
        }
    }

    public Task HandleAsync(GroupConcluded domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        domainEvent.State == Concluded
            ? EndGroupAsync(unitOfWork, domainEvent.NetworkId, domainEvent.GroupId, cancellationToken)
            : Task.CompletedTask;

    public Task HandleAsync(GroupDissolved domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
        EndGroupAsync(unitOfWork, domainEvent.NetworkId, domainEvent.GroupId, cancellationToken);

    /// <summary>Writes the participation as <paramref name="change"/> leaves it, only when that differs from the stored one.</summary>
    private static async Task ChangeAsync(IUnitOfWork unitOfWork, string networkId, string groupId, string personId,
        Func<GroupParticipation, GroupParticipation> change, CancellationToken cancellationToken, bool createMissing = true)
    {
        var current = await unitOfWork.GetAsync(MembershipCollections.GroupParticipations, networkId,
            MembershipCollections.GroupParticipationId(groupId, personId), cancellationToken);
        if (current is null)
        {
            if (!createMissing)
            {
                return;
            }
            await unitOfWork.InsertAsync(MembershipCollections.GroupParticipations, networkId,
                change(GroupParticipation.Join(groupId, personId)),
                cancellationToken);
            return;
        }
        var changed = change(current.Document);
        if (!ReferenceEquals(changed, current.Document))
        {
            await unitOfWork.ReplaceAsync(MembershipCollections.GroupParticipations, networkId, changed, current.Version,
                cancellationToken);
        }
    }

    private async Task EndGroupAsync(IUnitOfWork unitOfWork, string networkId, string groupId, CancellationToken cancellationToken)
    {
        // Read (committed state: one group's events are handled one at a time) before deleting, so no page shifts under us.
        var members = new List<Versioned<GroupParticipation>>();
        string? token = null;
        do
        {
            var page = await context.Store.QueryAsync(MembershipCollections.GroupParticipations, networkId,
                MembershipCollections.GroupParticipations.Query().Where(p => p.GroupId, groupId).Page(200, token), cancellationToken);
            members.AddRange(page.Items);
            token = page.NextPageToken;
        }
        while (token is not null);
        foreach (var member in members)
        {
            await unitOfWork.DeleteAsync(MembershipCollections.GroupParticipations, networkId,
                MembershipCollections.GroupParticipationId(groupId, member.Document.PersonId), member.Version, cancellationToken);
        }
    }
}
