using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Networks;

/// <summary>The secretariat updates its network's descriptive fields (field mask + etag).</summary>
public static class UpdateNetwork
{
    private static readonly string[] Updatable = ["display_name", "kind", "country", "region", "languages", "time_zone"];

    public static async Task<Versioned<Network>> HandleAsync(MembershipContext context, Caller caller, V1.UpdateNetworkRequest request, CancellationToken cancellationToken)
    {
        var network = request.Network ?? new V1.Network();
        // Authorization before validation: a caller of another network learns nothing about this request.
        if (network.Id.Length > 0)
        {
            caller.EnsureNetwork(network.Id);
        }
        var validation = new Validation().Message("network", request.Network);
        validation.NetworkId("network.id", network.Id).Etag("network.etag", network.Etag);
        var mask = UpdateMask.Paths(validation, request.UpdateMask, Updatable);
        var kind = NetworkFields.Validate(validation, network, "network", mask.Contains);
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariat(caller, network.Id);

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Networks, network.Id, network.Id, cancellationToken);
        var expected = current.ExpectedVersion(MembershipCollections.Networks, network.Etag);
        var n = current.Document;
        var updated = n with
        {
            DisplayName = mask.Contains("display_name") ? network.DisplayName.Trim() : n.DisplayName,
            Kind = kind ?? n.Kind,
            Country = mask.Contains("country") ? network.Country : n.Country,
            Region = mask.Contains("region") ? network.Region.Trim() : n.Region,
            Languages = mask.Contains("languages") ? network.Languages.ToList() : n.Languages,
            TimeZone = mask.Contains("time_zone") ? network.TimeZone : n.TimeZone,
            UpdatedAt = context.Now,
        };
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.Networks, n.Id, updated, expected, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Network>(updated, version);
    }
}
