using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Features.Networks;

/// <summary>A network's details as the caller sent them.</summary>
public sealed record NetworkInput(string DisplayName, Choice<NetworkKind> Kind, string Country, string Region,
    IReadOnlyList<string> Languages,
    string TimeZone)
{
    /// <summary>The details of a validated input (a kind left out of an update mask is not used).</summary>
    public NetworkDetails Details() => new(DisplayName, Kind.Value.GetValueOrDefault(), Country, Region, Languages, TimeZone);
}

/// <summary>The field rules of a network's details, shared by create and update.</summary>
internal static class NetworkRules
{
    /// <summary>Checks the fields <paramref name="fields"/> names (every field when null), under <paramref name="prefix"/>.</summary>
    public static Violations NetworkDetails(this Violations violations, string prefix, NetworkInput network,
        IReadOnlySet<string>? fields = null)
    {
        bool Checked(string field) => fields is null || fields.Contains(field);
        if (Checked(Domain.NetworkDetails.Fields.DisplayName))
        {
            violations.Required($"{prefix}.display_name", network.DisplayName);
        }
        if (Checked(Domain.NetworkDetails.Fields.Kind))
        {
            violations.Choice($"{prefix}.kind", network.Kind);
        }
        if (Checked(Domain.NetworkDetails.Fields.Country))
        {
            violations.Require(FieldRules.IsCountry(network.Country), $"{prefix}.country",
                $"{Violations.Quote(network.Country)} is not a country: use an ISO 3166-1 alpha-2 code such as NO or DK, or INT.");
        }
        if (Checked(Domain.NetworkDetails.Fields.Region))
        {
            violations.Text($"{prefix}.region", network.Region);
        }
        if (Checked(Domain.NetworkDetails.Fields.Languages))
        {
            for (var i = 0; i < network.Languages.Count; i++)
            {
                violations.Require(FieldRules.IsLanguageTag(network.Languages[i]), $"{prefix}.languages[{i}]",
                    $"{Violations.Quote(network.Languages[i])} is not a language tag; use BCP 47 such as nb, nn, da, en.");
            }
        }
        if (Checked(Domain.NetworkDetails.Fields.TimeZone))
        {
            violations.Require(FieldRules.IsTimeZone(network.TimeZone), $"{prefix}.time_zone",
                $"{Violations.Quote(network.TimeZone)} is not an IANA time zone; use e.g. Europe/Oslo.");
        }
        return violations;
    }
}
