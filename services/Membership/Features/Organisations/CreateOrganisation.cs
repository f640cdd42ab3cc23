using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>
/// The secretariat registers an organisation (membership NONE until it applies). An organisation of kind NETWORK
/// links another network, which thereby becomes a member network: the relation is stored in both networks.
/// </summary>
public static class CreateOrganisation
{
    public static async Task<Versioned<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.CreateOrganisationRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).RequestId("request_id", request.RequestId).Message("organisation", request.Organisation);
        var proto = request.Organisation ?? new V1.Organisation();
        var kind = OrganisationFields.Validate(validation, proto);
        var linksNetwork = proto.Kind == V1.OrganisationKind.Network;
        if (linksNetwork)
        {
            validation.NetworkId("organisation.linked_network_id", proto.LinkedNetworkId);
            if (proto.LinkedNetworkId == request.NetworkId)
            {
                validation.Add("organisation.linked_network_id", "A network cannot be a member of itself; name another network.");
            }
        }
        else if (proto.LinkedNetworkId.Length > 0)
        {
            validation.Add("organisation.linked_network_id", "Only organisations of kind ORGANISATION_KIND_NETWORK link a network; leave it empty.");
        }
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariat(caller, request.NetworkId);
        await context.Store.RequireAsync(MembershipCollections.Networks, request.NetworkId, request.NetworkId, cancellationToken);
        if (linksNetwork)
        {
            await context.Store.RequireAsync(MembershipCollections.Networks, proto.LinkedNetworkId, proto.LinkedNetworkId, cancellationToken);
        }

        var now = context.Now;
        var organisation = new Organisation
        {
            Id = Identifiers.New(Identifiers.Organisation, request.NetworkId, request.RequestId),
            NetworkId = request.NetworkId,
            DisplayName = proto.DisplayName.Trim(),
            OrganisationNumber = proto.OrganisationNumber.Replace(" ", "", StringComparison.Ordinal),
            Kind = kind!.Value,
            Contact = ProtoMapping.ToDomain(proto.Contact),
            LinkedNetworkId = linksNetwork ? proto.LinkedNetworkId : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return await context.Store.CreateOnceAsync(MembershipCollections.Organisations, request.NetworkId, organisation.Id,
            () => InsertAsync(context, caller, organisation, cancellationToken), cancellationToken);
    }

    private static async Task<Versioned<Organisation>> InsertAsync(MembershipContext context, Caller caller, Organisation organisation, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var version = await unitOfWork.InsertAsync(MembershipCollections.Organisations, organisation.NetworkId, organisation, cancellationToken);
        if (organisation.LinkedNetworkId is { } child)
        {
            var relation = new NetworkRelation(organisation.NetworkId, child, organisation.Id);
            try
            {
                await unitOfWork.InsertAsync(MembershipCollections.NetworkRelations, organisation.NetworkId, relation, cancellationToken);
                await unitOfWork.InsertAsync(MembershipCollections.NetworkRelations, child, relation, cancellationToken);
            }
            catch (DuplicateDocumentException)
            {
                throw RpcErrors.AlreadyExists("networkplatform.membership.v1.NetworkRelation", relation.Id,
                    $"Network '{child}' is already a member of '{organisation.NetworkId}'; see ListNetworkRelations for its organisation.");
            }
        }
        await unitOfWork.PublishAsync(new OrganisationRegistered(Guid.NewGuid(), organisation.CreatedAt, organisation.NetworkId, organisation.Id, version,
            organisation.Id, organisation.DisplayName, ProtoMapping.EventName(organisation.Kind), organisation.OrganisationNumber, organisation.LinkedNetworkId, caller.Subject), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Organisation>(organisation, version);
    }
}
