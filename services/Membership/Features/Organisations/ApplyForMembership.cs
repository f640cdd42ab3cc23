using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record ApplyForMembershipCommand(string NetworkId, string OrganisationId, string Etag, string Reason) : INetworkRequest;

/// <summary>The secretariat, or the organisation itself, applies for membership (from none or resigned).</summary>
public sealed class ApplyForMembership(MembershipContext context) : IUseCase<ApplyForMembershipCommand, Versioned<Organisation>>
{
    public void Authorize(ApplyForMembershipCommand command, Caller caller) =>
        Authorisation.EnsureSecretariatOrOrganisation(caller, command.OrganisationId);

    public void Validate(ApplyForMembershipCommand command, Violations violations) =>
        violations.Decision(command.OrganisationId, command.Etag, command.Reason, reasonRequired: false);

    public Task<Versioned<Organisation>> HandleAsync(ApplyForMembershipCommand command, Caller caller,
        CancellationToken cancellationToken) =>
        OrganisationRules.DecideAsync(context, caller, command.NetworkId, command.OrganisationId, command.Etag, command.Reason,
            (organisation, decision) => organisation.ApplyForMembership(decision),
            (changed, decision, version) => new MembershipApplied(Guid.NewGuid(), decision.At, changed.NetworkId, changed.Id, version,
                changed.Id, decision.DecidedBy, decision.Reason), cancellationToken);
}
