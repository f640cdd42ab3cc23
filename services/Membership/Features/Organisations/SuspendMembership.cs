using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record SuspendMembershipCommand(string NetworkId, string OrganisationId, string Etag, string Reason) : INetworkRequest;

/// <summary>The secretariat suspends an active membership, with a reason; appointments stay, but it cannot appoint.</summary>
public sealed class SuspendMembership(MembershipContext context) : IUseCase<SuspendMembershipCommand, Versioned<Organisation>>
{
    public void Authorize(SuspendMembershipCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(SuspendMembershipCommand command, Violations violations) =>
        violations.Decision(command.OrganisationId, command.Etag, command.Reason, reasonRequired: true);

    public Task<Versioned<Organisation>> HandleAsync(SuspendMembershipCommand command, Caller caller,
        CancellationToken cancellationToken) =>
        OrganisationRules.DecideAsync(context, caller, command.NetworkId, command.OrganisationId, command.Etag, command.Reason,
            (organisation, decision) => organisation.SuspendMembership(decision),
            (changed, decision, version) => new MembershipSuspended(Guid.NewGuid(), decision.At, changed.NetworkId, changed.Id, version,
                changed.Id, decision.DecidedBy, decision.Reason), cancellationToken);
}
