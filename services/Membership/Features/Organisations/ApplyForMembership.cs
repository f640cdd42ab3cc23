using NetworkPlatform.Events.Membership;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>The secretariat, or the organisation itself, applies for membership (from none or resigned).</summary>
public static class ApplyForMembership
{
    public static Task<Versioned<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.ApplyForMembershipRequest request, CancellationToken cancellationToken)
    {
        MembershipChange.Validate(new Validation(), request.NetworkId, request.OrganisationId, request.Etag, request.Reason, reasonRequired: false);
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, request.OrganisationId);
        var decision = new Decision(caller.Subject, context.Now, request.Reason.Trim());
        return MembershipChange.RunAsync(context, request.NetworkId, request.OrganisationId, request.Etag,
            organisation => organisation.ApplyForMembership(decision),
            (organisation, version) => new MembershipApplied(Guid.NewGuid(), decision.At, organisation.NetworkId, organisation.Id, version, organisation.Id, decision.DecidedBy, decision.Reason),
            cancellationToken);
    }
}
