using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <param name="LinkedNetworkId">Only for an organisation of kind Network: the network that becomes a member.</param>
public sealed record CreateOrganisationCommand(string NetworkId, string RequestId, OrganisationInput Organisation, string LinkedNetworkId)
    : INetworkRequest;

/// <summary>
/// The secretariat registers an organisation (membership NONE until it applies). An organisation of kind NETWORK
/// links another network, which thereby becomes a member network: the relation is stored in both networks.
/// </summary>
public sealed class CreateOrganisation(MembershipContext context) : IUseCase<CreateOrganisationCommand, Versioned<Organisation>>
{
    public void Authorize(CreateOrganisationCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(CreateOrganisationCommand command, Violations violations)
    {
        violations.RequestId("request_id", command.RequestId).OrganisationDetails(command.Organisation);
        if (command.Organisation.Kind.Value == OrganisationKind.Network)
        {
            violations.NetworkId("organisation.linked_network_id", command.LinkedNetworkId)
                .Require(command.LinkedNetworkId != command.NetworkId, "organisation.linked_network_id",
                    "A network cannot be a member of itself; name another network.");
        }
        else
        {
            violations.Require(command.LinkedNetworkId.Length == 0, "organisation.linked_network_id",
                "Only organisations of kind ORGANISATION_KIND_NETWORK link a network; leave it empty.");
        }
    }

    public async Task<Versioned<Organisation>> HandleAsync(CreateOrganisationCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var linked = command.Organisation.Kind.Value == OrganisationKind.Network ? command.LinkedNetworkId : null;
        await context.Store.RequireAsync(MembershipResources.Networks, command.NetworkId, command.NetworkId, cancellationToken);
        if (linked is not null)
        {
            await context.Store.RequireAsync(MembershipResources.Networks, linked, linked, cancellationToken);
        }
        var key = IdempotencyKey.For(nameof(CreateOrganisation), caller, command.RequestId, command);
        return await context.Writes.CreateAsync(MembershipResources.Organisations, command.NetworkId, key, async unit =>
        {
            var now = context.Now;
            var organisation = Organisation.Register(Identifiers.New(Identifiers.Organisation, command.NetworkId, command.RequestId),
                command.NetworkId, command.Organisation.Details(), linked, now);
            if (linked is not null)
            {
                await RelateAsync(unit, new NetworkRelation(command.NetworkId, linked, organisation.Id), cancellationToken);
            }
            return Change<Organisation>.With(organisation, version => new OrganisationRegistered(Guid.NewGuid(), now,
                organisation.NetworkId,
                organisation.Id, version, organisation.Id, organisation.DisplayName, organisation.Kind.ToString(),
                    organisation.OrganisationNumber,
                organisation.LinkedNetworkId, caller.Subject));
        }, cancellationToken);
    }

    /// <summary>Stores the relation in the parent's and in the child's scope; a network is a member of another once.</summary>
    private static async Task RelateAsync(IUnitOfWork unit, NetworkRelation relation, CancellationToken cancellationToken)
    {
        var relations = MembershipResources.NetworkRelations;
        if (await unit.GetAsync(relations.Collection, relation.ParentNetworkId, relation.Id, cancellationToken) is not null)
        {
            throw new AlreadyExistsException(relations.ApiType, relation.Id,
                $"Network '{relation.ChildNetworkId}' is already a member of '{relation.ParentNetworkId}'; "
                + "see ListNetworkRelations for its organisation.");
        }
        await unit.InsertAsync(relations.Collection, relation.ParentNetworkId, relation, cancellationToken);
        await unit.InsertAsync(relations.Collection, relation.ChildNetworkId, relation, cancellationToken);
    }
}
