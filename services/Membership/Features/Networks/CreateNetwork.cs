using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Networks;

/// <summary>A platform operator creates a network (a new tenant); its id is the slug the caller chose.</summary>
public static class CreateNetwork
{
    public static async Task<Versioned<Network>> HandleAsync(MembershipContext context, Caller caller, V1.CreateNetworkRequest request, CancellationToken cancellationToken)
    {
        caller.EnsureAnyRole(Roles.Operator);
        var validation = new Validation().RequestId("request_id", request.RequestId).Message("network", request.Network);
        var network = request.Network ?? new V1.Network();
        validation.NetworkId("network.id", network.Id);
        var kind = NetworkFields.Validate(validation, network, "network");
        validation.ThrowIfInvalid();

        var now = context.Now;
        var created = new Network
        {
            Id = network.Id,
            DisplayName = network.DisplayName.Trim(),
            Kind = kind!.Value,
            Country = network.Country,
            Region = network.Region.Trim(),
            Languages = network.Languages.ToList(),
            TimeZone = network.TimeZone,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // A network's id is chosen by the caller: a retry with the same request_id returns it, anything else is ALREADY_EXISTS.
        if (request.RequestId.Length > 0)
        {
            return await context.Store.CreateOnceAsync(MembershipCollections.Networks, created.Id, created.Id, () => InsertAsync(context, created, cancellationToken), cancellationToken);
        }
        return await InsertAsync(context, created, cancellationToken);
    }

    private static async Task<Versioned<Network>> InsertAsync(MembershipContext context, Network network, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var version = await unitOfWork.InsertAsync(MembershipCollections.Networks, network.Id, network, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Network>(network, version);
    }
}

/// <summary>Validation shared by create and update of a network.</summary>
internal static class NetworkFields
{
    public static NetworkKind? Validate(Validation validation, V1.Network network, string prefix, Func<string, bool>? inMask = null)
    {
        bool Checked(string field) => inMask is null || inMask(field);
        NetworkKind? kind = null;
        if (Checked("display_name"))
        {
            validation.Required($"{prefix}.display_name", network.DisplayName);
        }
        if (Checked("kind"))
        {
            kind = validation.Enum($"{prefix}.kind", network.Kind, Contract.ProtoMapping.ToDomain);
        }
        if (Checked("country") && !FieldRules.IsCountry(network.Country))
        {
            validation.Add($"{prefix}.country", $"'{network.Country}' is not a country: use an ISO 3166-1 alpha-2 code such as NO or DK, or INT.");
        }
        if (Checked("region"))
        {
            validation.MaxLength($"{prefix}.region", network.Region);
        }
        if (Checked("languages"))
        {
            for (var i = 0; i < network.Languages.Count; i++)
            {
                if (!FieldRules.IsLanguageTag(network.Languages[i]))
                {
                    validation.Add($"{prefix}.languages[{i}]", $"'{network.Languages[i]}' is not a language tag; use BCP 47 such as nb, nn, da, en.");
                }
            }
        }
        if (Checked("time_zone") && !FieldRules.IsTimeZone(network.TimeZone))
        {
            validation.Add($"{prefix}.time_zone", $"'{network.TimeZone}' is not an IANA time zone; use e.g. Europe/Oslo.");
        }
        return kind;
    }
}
