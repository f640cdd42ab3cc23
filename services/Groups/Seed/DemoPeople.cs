using NetworkPlatform.Application.Failures;
using System.Security.Cryptography;
using System.Text;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Membership;

namespace NetworkPlatform.Groups.Seed;

/// <summary>
/// The people of membership's demo networks (services/Membership/Seed/DemoNetworks.cs), with the ids membership derives
/// for them: request_id = MD5("demo/{network}/{name}") as a Guid, id = prefix + first 16 hex digits of
/// SHA-256("{network}/{prefix}/{request_id}"). The demo seed answers membership checks from this table, so it runs
/// without the membership service (and without a token); if membership's seed changes names, change them here.
/// </summary>
public sealed class DemoPeople : IMembershipDirectory
{
    private readonly Dictionary<(string Network, string Person), PersonIdentity> people = [];

    public DemoPeople()
    {
        const string partnership = DemoGroups.Partnership;
        Representative(partnership, "Fjordvik kommune", "Ingrid Haugen", "ingrid.haugen@fjordvik.kommune.example", "+47 911 22 333");
        Representative(partnership, "Fjordvik kommune", "Jonas Berg", "jonas.berg@fjordvik.kommune.example", "+47 922 33 444");
        Representative(partnership, "Nordre Åsen kommune", "Marte Lie", "marte.lie@nordre-asen.kommune.example", "+47 933 44 555");
        Representative(partnership, "Trygg Skolevei", "Sindre Moen", "sindre@tryggskolevei.example", "+47 944 55 666");
        Representative(partnership, "Foreningen Barn i Sentrum", "Aisha Rahman", "aisha@barnisentrum.example", "+47 955 66 777");
        Representative(partnership, "Lærerforbundet Nord", "Eirik Dahl", "eirik.dahl@laererforbundetnord.example", "+47 966 77 888");
        Representative(partnership, "Direktoratet for oppvekst og læring", "Nora Bakke", "nora.bakke@dol.example", "+47 977 88 999");
        const string national = DemoGroups.NationalHph;
        Representative(national, "Helse Vestkyst HF", "Solveig Knutsen", "solveig.knutsen@helse-vestkyst.example", "+47 915 10 200");
        Representative(national, "Sykehuset Innlandsdal HF", "Hanne Sørli", "hanne.sorli@sykehuset-innlandsdal.example", "+47 916 20 300");
        Representative(national, "Universitetssykehuset Nordkapp HF", "Kristian Aune", "kristian.aune@unn-nordkapp.example",
            "+47 917 30 400");
        Representative(national, "Helse Fjordane Sør HF", "Elise Vang", "elise.vang@helse-fjordane-sor.example", "+47 918 40 500");
    }

    public static string OrganisationId(string network, string name) => MembershipId("org", network, name);

    public static string PersonId(string network, string name) => MembershipId("per", network, name);

    public PersonIdentity Person(string network, string name) => people[(network, PersonId(network, name))];

    public Task<RepresentativeCheck> CheckRepresentativeAsync(string networkId, string personId, CancellationToken cancellationToken) =>
        people.TryGetValue((networkId, personId), out var person)
            ? Task.FromResult(new RepresentativeCheck(person, null))
            : throw new NotFoundException("networkplatform.membership.v1.Person", $"networks/{networkId}/persons/{personId}");

    private void Representative(string network, string organisation, string name, string email, string phone)
    {
        var id = PersonId(network, name);
        people[(network, id)] = new PersonIdentity(id, OrganisationId(network, organisation), true, name, organisation, email, phone);
    }

    private static string MembershipId(string prefix, string network, string name)
    {
        var requestId = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"demo/{network}/{name}"))).ToString();
        return $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{network}/{prefix}/{requestId}")))[..16]}";
    }
}
