using System.Globalization;
using NetworkPlatform.Application;
using NetworkPlatform.Groups.Seed;
using NetworkPlatform.Identity.Registrations;
using NetworkPlatform.Membership.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>
/// Who can sign in to the demo (`make run`): a person for every role in the partnership against bullying, with the ids
/// membership's demo seed gives them, the national and international networks' secretariats, and a partner system of
/// Fjordvik kommune. Registered with the embedded issuer (section Identity:Demo); `make token` gets their tokens.
/// </summary>
internal static class DemoIdentities
{
    private const string Partnership = DemoNetworks.Partnership;

    public static readonly IReadOnlyList<(string Subject, string Name, string Description, string Network, string? Organisation,
        string? Person, string Role)> People =
    [
        ("demo-secretariat", "Kari Sekretær", "the partnership's secretariat", Partnership, null, null, Roles.Secretariat),
        ("demo-leader", "Sindre Moen", "leads Arbeidsgruppe digital mobbing; sees his members' contact details", Partnership,
            DemoPeople.OrganisationId(Partnership, "Trygg Skolevei"), DemoPeople.PersonId(Partnership, "Sindre Moen"), Roles.GroupLeader),
        ("demo-representative", "Ingrid Haugen", "represents Fjordvik kommune", Partnership,
            DemoPeople.OrganisationId(Partnership, "Fjordvik kommune"), DemoPeople.PersonId(Partnership, "Ingrid Haugen"),
            Roles.Representative),
        ("demo-dashboard", "Dashbord Leser", "reads the partnership's dashboard", Partnership, null, null, Roles.DashboardReader),
        ("demo-operator", "Drift Operatør", "runs the platform", Partnership, null, null, Roles.Operator),
        ("demo-secretariat-hph", "Nina Sekretær", "the national HPH network's secretariat", DemoNetworks.NationalHph,
            null, null, Roles.Secretariat),
        ("demo-secretariat-int", "Iris Secretary", "the international HPH network's secretariat", DemoNetworks.InternationalHph,
            null, null, Roles.Secretariat),
    ];

    /// <summary>Fjordvik kommune's case system, a partner system of the partnership (client credentials).</summary>
    public const string PartnerClientId = "demo-partner-" + Partnership;

    /// <summary>`make tokens`' shell variables: each the token of a demo person's role (or the partner system) in a network.</summary>
    public static readonly IReadOnlyList<(string Variable, string Role, string Network)> Tokens =
    [
        ("SECRETARIAT", Roles.Secretariat, Partnership),
        ("LEADER", Roles.GroupLeader, Partnership),
        ("REPRESENTATIVE", Roles.Representative, Partnership),
        ("DASHBOARD", Roles.DashboardReader, Partnership),
        ("OPERATOR", Roles.Operator, Partnership),
        ("PARTNER_SYSTEM", Roles.PartnerSystem, Partnership),
        ("HPH_SECRETARIAT", Roles.Secretariat, DemoNetworks.NationalHph),
    ];

    /// <summary>Writes <see cref="Tokens"/> beside the demo secrets, where `make tokens` (deploy/local/token.sh) reads them.</summary>
    public static void WriteTokenList(string secretsDirectory) =>
        File.WriteAllLines(Path.Combine(secretsDirectory, "tokens.list"), Tokens.Select(t => $"{t.Variable} {t.Role} {t.Network}"));

    /// <summary>
    /// The Identity:Demo settings of these people and the partner system; secrets go into <paramref name="secretsDirectory"/>.
    /// </summary>
    public static Dictionary<string, string?> Settings(string secretsDirectory)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Identity:Demo:SecretsDirectory"] = secretsDirectory,
            ["Identity:Demo:Partners:0:ClientId"] = PartnerClientId,
            ["Identity:Demo:Partners:0:DisplayName"] = "Fjordvik kommune's case system",
            ["Identity:Demo:Partners:0:NetworkId"] = Partnership,
            ["Identity:Demo:Partners:0:OrganisationId"] = DemoPeople.OrganisationId(Partnership, "Fjordvik kommune"),
        };
        foreach (var (person, index) in People.Select((p, i) => (p, i.ToString(CultureInfo.InvariantCulture))))
        {
            var prefix = $"Identity:Demo:People:{index}:";
            settings[prefix + nameof(DemoPerson.Subject)] = person.Subject;
            settings[prefix + nameof(DemoPerson.DisplayName)] = person.Name;
            settings[prefix + nameof(DemoPerson.Description)] = person.Description;
            settings[prefix + nameof(DemoPerson.NetworkId)] = person.Network;
            settings[prefix + nameof(DemoPerson.OrganisationId)] = person.Organisation;
            settings[prefix + nameof(DemoPerson.PersonId)] = person.Person;
            settings[prefix + "Roles:0"] = person.Role;
        }
        return settings;
    }

    /// <summary>The banner's lines: for every role, the `make token` that gets one and who it is.</summary>
    public static string TokenHelp()
    {
        var lines = People.Select(p => $"  make token ROLE={p.Role} NETWORK={p.Network}".PadRight(72) + $"# {p.Name}, {p.Description}")
            .Append($"  make token ROLE={Roles.PartnerSystem} NETWORK={Partnership}".PadRight(72) +
                $"# {PartnerClientId} (client credentials)");
        return string.Join('\n', lines);
    }
}
