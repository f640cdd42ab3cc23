using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <param name="UpdateMask">The detail fields to change (empty: all of them).</param>
public sealed record UpdateOrganisationCommand(string NetworkId, string OrganisationId, string Etag, IReadOnlyList<string> UpdateMask,
    OrganisationInput Organisation) : INetworkRequest;

/// <summary>The secretariat or the organisation itself updates its descriptive fields (field mask + etag).</summary>
public sealed class UpdateOrganisation(MembershipContext context) : IUseCase<UpdateOrganisationCommand, Versioned<Organisation>>
{
    public void Authorize(UpdateOrganisationCommand command, Caller caller) =>
        Authorisation.EnsureSecretariatOrOrganisation(caller, command.OrganisationId);

    public void Validate(UpdateOrganisationCommand command, Violations violations) => violations
        .Id("organisation.id", command.OrganisationId)
        .Etag("organisation.etag", command.Etag)
        .UpdateMask("update_mask", command.UpdateMask, OrganisationDetails.Fields.Updatable)
        .OrganisationDetails(command.Organisation, UpdateMasks.Effective(command.UpdateMask, OrganisationDetails.Fields.Updatable));

    public Task<Versioned<Organisation>> HandleAsync(UpdateOrganisationCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var fields = UpdateMasks.Effective(command.UpdateMask, OrganisationDetails.Fields.Updatable);
        return context.Writes.ChangeAsync(MembershipResources.Organisations, command.NetworkId, command.OrganisationId, command.Etag,
            organisation => Change<Organisation>.Quiet(organisation.Update(command.Organisation.Details(), fields, context.Now)),
                cancellationToken);
    }
}
