using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record GetOrganisationQuery(string NetworkId, string OrganisationId) : INetworkRequest;

/// <summary>Any caller of the network reads an organisation, also one of a member network (<see cref="MemberNetworks"/>).</summary>
public sealed class GetOrganisation(MembershipContext context) : IUseCase<GetOrganisationQuery, Versioned<Organisation>>
{
    public void Authorize(GetOrganisationQuery query, Caller caller)
    {
    }

    public void Validate(GetOrganisationQuery query, Violations violations) => violations.Id("organisation_id", query.OrganisationId);

    public async Task<Versioned<Organisation>> HandleAsync(GetOrganisationQuery query, Caller caller,
        CancellationToken cancellationToken) =>
        await MemberNetworks.FindAsync(context.Store, MembershipCollections.Organisations, query.NetworkId, query.OrganisationId,
            cancellationToken) ?? throw MembershipResources.Organisations.NotFound(query.NetworkId, query.OrganisationId);
}
