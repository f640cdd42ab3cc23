using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record ApproveMembershipCommand(string NetworkId, string OrganisationId, string Etag, string Reason) : INetworkRequest;

/// <summary>The secretariat approves an application: the organisation becomes an active member.</summary>
public sealed class ApproveMembership(MembershipContext context) : IUseCase<ApproveMembershipCommand, Versioned<Organisation>>
{
    public void Authorize(ApproveMembershipCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(ApproveMembershipCommand command, Violations violations) =>
        violations.Decision(command.OrganisationId, command.Etag, command.Reason, reasonRequired: false);

    public Task<Versioned<Organisation>> HandleAsync(ApproveMembershipCommand command, Caller caller,
        CancellationToken cancellationToken) =>
        OrganisationRules.DecideAsync(context, caller, command.NetworkId, command.OrganisationId, command.Etag, command.Reason,
            (organisation, decision) => organisation.ApproveMembership(decision),
            (changed, decision, version) => new MembershipApproved(Guid.NewGuid(), decision.At, changed.NetworkId, changed.Id, version,
                changed.Id, decision.DecidedBy, decision.Reason), cancellationToken);
}
