using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record GetOrganisationQuery(string NetworkId, string OrganisationId) : INetworkRequest;

/// <summary>Any caller of the network reads an organisation.</summary>
public sealed class GetOrganisation(MembershipContext context) : IUseCase<GetOrganisationQuery, Versioned<Organisation>>
{
    public void Authorize(GetOrganisationQuery query, Caller caller)
    {
    }

    public void Validate(GetOrganisationQuery query, Violations violations) => violations.Id("organisation_id", query.OrganisationId);

    public Task<Versioned<Organisation>> HandleAsync(GetOrganisationQuery query, Caller caller, CancellationToken cancellationToken) =>
        context.Store.RequireAsync(MembershipResources.Organisations, query.NetworkId, query.OrganisationId, cancellationToken);
}
