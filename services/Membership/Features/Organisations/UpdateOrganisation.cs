using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>The secretariat or the organisation itself updates its descriptive fields (field mask + etag).</summary>
public static class UpdateOrganisation
{
    private static readonly string[] Updatable = ["display_name", "organisation_number", "kind", "contact"];

    public static async Task<Versioned<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.UpdateOrganisationRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).Message("organisation", request.Organisation);
        var proto = request.Organisation ?? new V1.Organisation();
        validation.Id("organisation.id", proto.Id).Etag("organisation.etag", proto.Etag);
        var mask = UpdateMask.Paths(validation, request.UpdateMask, Updatable);
        var kind = OrganisationFields.Validate(validation, proto, mask.Contains);
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, proto.Id);

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Organisations, request.NetworkId, proto.Id, cancellationToken);
        var expected = current.ExpectedVersion(MembershipCollections.Organisations, proto.Etag);
        var o = current.Document;
        if (kind is { } newKind && (newKind == OrganisationKind.Network) != (o.Kind == OrganisationKind.Network))
        {
            throw Hosting.Errors.RpcErrors.InvalidArgument("organisation.kind", "An organisation cannot change to or from ORGANISATION_KIND_NETWORK; register a new organisation instead.");
        }
        var updated = o with
        {
            DisplayName = mask.Contains("display_name") ? proto.DisplayName.Trim() : o.DisplayName,
            OrganisationNumber = mask.Contains("organisation_number") ? proto.OrganisationNumber.Replace(" ", "", StringComparison.Ordinal) : o.OrganisationNumber,
            Kind = kind ?? o.Kind,
            Contact = mask.Contains("contact") ? ProtoMapping.ToDomain(proto.Contact) : o.Contact,
            UpdatedAt = context.Now,
        };
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.Organisations, request.NetworkId, updated, expected, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Organisation>(updated, version);
    }
}
