using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record ReinstateMembershipCommand(string NetworkId, string OrganisationId, string Etag, string Reason) : INetworkRequest;

/// <summary>The secretariat reinstates a suspended membership.</summary>
public sealed class ReinstateMembership(MembershipContext context) : IUseCase<ReinstateMembershipCommand, Versioned<Organisation>>
{
    public void Authorize(ReinstateMembershipCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(ReinstateMembershipCommand command, Violations violations) =>
        violations.Decision(command.OrganisationId, command.Etag, command.Reason, reasonRequired: false);

    public Task<Versioned<Organisation>> HandleAsync(ReinstateMembershipCommand command, Caller caller,
        CancellationToken cancellationToken) =>
        OrganisationRules.DecideAsync(context, caller, command.NetworkId, command.OrganisationId, command.Etag, command.Reason,
            (organisation, decision) => organisation.ReinstateMembership(decision),
            (changed, decision, version) => new MembershipReinstated(Guid.NewGuid(), decision.At, changed.NetworkId, changed.Id, version,
                changed.Id, decision.DecidedBy, decision.Reason), cancellationToken);
}
