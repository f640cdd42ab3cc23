using NetworkPlatform.Events.Membership;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>The secretariat approves an application: the organisation becomes an active member.</summary>
public static class ApproveMembership
{
    public static Task<Versioned<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.ApproveMembershipRequest request, CancellationToken cancellationToken)
    {
        MembershipChange.Validate(new Validation(), request.NetworkId, request.OrganisationId, request.Etag, request.Reason, reasonRequired: false);
        Authorisation.EnsureSecretariat(caller, request.NetworkId);
        var decision = new Decision(caller.Subject, context.Now, request.Reason.Trim());
        return MembershipChange.RunAsync(context, request.NetworkId, request.OrganisationId, request.Etag,
            organisation => organisation.ApproveMembership(decision),
            (organisation, version) => new MembershipApproved(Guid.NewGuid(), decision.At, organisation.NetworkId, organisation.Id, version, organisation.Id, decision.DecidedBy, decision.Reason),
            cancellationToken);
    }
}
