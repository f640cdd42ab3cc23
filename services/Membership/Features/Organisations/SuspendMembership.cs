using NetworkPlatform.Events.Membership;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>The secretariat suspends an active membership, with a reason. Appointments stay, but suspended members cannot appoint.</summary>
public static class SuspendMembership
{
    public static Task<Versioned<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.SuspendMembershipRequest request, CancellationToken cancellationToken)
    {
        MembershipChange.Validate(new Validation(), request.NetworkId, request.OrganisationId, request.Etag, request.Reason, reasonRequired: true);
        Authorisation.EnsureSecretariat(caller, request.NetworkId);
        var decision = new Decision(caller.Subject, context.Now, request.Reason.Trim());
        return MembershipChange.RunAsync(context, request.NetworkId, request.OrganisationId, request.Etag,
            organisation => organisation.SuspendMembership(decision),
            (organisation, version) => new MembershipSuspended(Guid.NewGuid(), decision.At, organisation.NetworkId, organisation.Id, version, organisation.Id, decision.DecidedBy, decision.Reason),
            cancellationToken);
    }
}
