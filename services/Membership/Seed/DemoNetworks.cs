using System.Security.Cryptography;
using System.Text;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.Features.Organisations;
using NetworkPlatform.Membership.Features.Participation;
using NetworkPlatform.Membership.Features.Persons;
using NetworkPlatform.Membership.Features.Representatives;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Seed;

/// <summary>
/// The demo networks `make run` starts with (fictional organisations and people, shaped by the source texts):
/// a partnership against bullying with municipalities, NGOs, a union and state actors (seed 003), and a national
/// health-promoting hospital network inside an international one (seed 000), with a participation request forwarded
/// from the national to the international secretariat. Goes through the use cases, so every step emits its events.
/// A network that already exists is skipped; ids are derived from names, so they are the same on every machine.
/// </summary>
public static class DemoNetworks
{
    public const string Partnership = "partnerskap-mot-mobbing";
    public const string NationalHph = "norsk-hph";
    public const string InternationalHph = "international-hph";
    public const string SwedishHph = "svenskt-hph";

    public static async Task SeedAsync(MembershipContext context, CancellationToken cancellationToken)
    {
        await SeedInternationalHphAsync(context, cancellationToken);
        await SeedPartnershipAsync(context, cancellationToken);
    }

    /// <summary>The stable id a demo resource gets (the same derivation as a create with that request_id).</summary>
    public static string RequestId(string name) => new Guid(MD5.HashData(Encoding.UTF8.GetBytes("demo/" + name))).ToString();

    private static async Task SeedPartnershipAsync(MembershipContext context, CancellationToken ct)
    {
        var seed = await StartAsync(context, Partnership, "Partnerskap mot mobbing", NetworkKind.Partnership, "NO", "Hele landet",
            ["nb", "nn"], ct);
        if (seed is null)
        {
            return;
        }
        var fjordvik = await seed.MemberAsync("Fjordvik kommune", "952601814", OrganisationKind.Municipality,
            "postmottak@fjordvik.kommune.example", ct);
        var aasen = await seed.MemberAsync("Nordre Åsen kommune", "959083010", OrganisationKind.Municipality,
            "post@nordre-asen.kommune.example", ct);
        var trygg = await seed.MemberAsync("Trygg Skolevei", "966131861", OrganisationKind.Ngo, "kontakt@tryggskolevei.example", ct);
        var barn = await seed.MemberAsync("Foreningen Barn i Sentrum", "909139090", OrganisationKind.Ngo, "post@barnisentrum.example", ct);
        var laerer = await seed.MemberAsync("Lærerforbundet Nord", "996030822", OrganisationKind.Union, "post@laererforbundetnord.example",
            ct);
        var direktorat = await seed.MemberAsync("Direktoratet for oppvekst og læring", "946281948", OrganisationKind.StateAgency,
            "postmottak@dol.example", ct);
        var hogskole = await seed.MemberAsync("Høgskolen i Vestdal", "982199352", OrganisationKind.University, "post@hivd.example", ct,
            approve: false);

        await seed.RepresentativeAsync(fjordvik, "Ingrid Haugen", "ingrid.haugen@fjordvik.kommune.example", "+47 911 22 333",
            ["skolemiljø", "barnehage"], RepresentativeRole.Representative, 12, "Per Solberg", "Kommunalsjef oppvekst", ct);
        await seed.RepresentativeAsync(fjordvik, "Jonas Berg", "jonas.berg@fjordvik.kommune.example", "+47 922 33 444", ["PPT"],
            RepresentativeRole.Deputy, 4, "Per Solberg", "Kommunalsjef oppvekst", ct);
        await seed.RepresentativeAsync(aasen, "Marte Lie", "marte.lie@nordre-asen.kommune.example", "+47 933 44 555", ["helsesykepleie"],
            RepresentativeRole.Representative, 8, "Kari Nordby", "Enhetsleder helse", ct);
        await seed.RepresentativeAsync(trygg, "Sindre Moen", "sindre@tryggskolevei.example", "+47 944 55 666", ["digital mobbing"],
            RepresentativeRole.Representative, 16, "Hilde Aas", "Daglig leder", ct);
        await seed.RepresentativeAsync(barn, "Aisha Rahman", "aisha@barnisentrum.example", "+47 955 66 777", ["barns medvirkning"],
            RepresentativeRole.Representative, 10, "Tor Vik", "Generalsekretær", ct);
        await seed.RepresentativeAsync(laerer, "Eirik Dahl", "eirik.dahl@laererforbundetnord.example", "+47 966 77 888",
            ["arbeidsmiljø", "klasseledelse"], RepresentativeRole.Representative, 6, "Siri Holm", "Leder", ct);
        await seed.RepresentativeAsync(direktorat, "Nora Bakke", "nora.bakke@dol.example", "+47 977 88 999",
            ["regelverk", "opplæringsloven kapittel 12"], RepresentativeRole.Representative, 8, "Anders Strand", "Avdelingsdirektør", ct);
        await seed.PersonAsync(hogskole, "Henrik Lunde", "henrik.lunde@hivd.example", "+47 988 99 000", ["forskning på mobbing"], ct);
    }

    private static async Task SeedInternationalHphAsync(MembershipContext context, CancellationToken ct)
    {
        var national = await StartAsync(context, NationalHph, "Norsk nettverk for helsefremmende sykehus og helsetjenester",
            NetworkKind.HealthPromotingNetwork, "NO", "", ["nb", "en"], ct);
        if (national is not null)
        {
            var vestkyst = await national.MemberAsync("Helse Vestkyst HF", "918190937", OrganisationKind.Hospital,
                "post@helse-vestkyst.example", ct);
            var innlandsdal = await national.MemberAsync("Sykehuset Innlandsdal HF", "978657974", OrganisationKind.Hospital,
                "postmottak@sykehuset-innlandsdal.example", ct);
            var nordkapp = await national.MemberAsync("Universitetssykehuset Nordkapp HF", "954323196", OrganisationKind.Hospital,
                "post@unn-nordkapp.example", ct);
            var fjordane = await national.MemberAsync("Helse Fjordane Sør HF", "948757494", OrganisationKind.Hospital,
                "post@helse-fjordane-sor.example", ct);
            await national.RepresentativeAsync(vestkyst, "Solveig Knutsen", "solveig.knutsen@helse-vestkyst.example", "+47 915 10 200",
                ["tobakksfrie sykehus", "pasientopplæring"], RepresentativeRole.Representative, 10, "Ola Rønning", "Klinikkdirektør",
                ct);
            await national.RepresentativeAsync(vestkyst, "Magnus Eide", "magnus.eide@helse-vestkyst.example", "+47 915 10 201",
                ["fysisk aktivitet"], RepresentativeRole.Deputy, 4, "Ola Rønning", "Klinikkdirektør", ct);
            await national.RepresentativeAsync(innlandsdal, "Hanne Sørli", "hanne.sorli@sykehuset-innlandsdal.example", "+47 916 20 300",
                ["helsekompetanse"], RepresentativeRole.Representative, 8, "Bjørn Tveit", "Fagdirektør", ct);
            var taskForceMember = await national.RepresentativeAsync(nordkapp, "Kristian Aune", "kristian.aune@unn-nordkapp.example",
                "+47 917 30 400", ["barn og unge på sykehus"], RepresentativeRole.Representative, 12, "Liv Håkonsen",
                    "Viseadministrerende direktør", ct);
            await national.RepresentativeAsync(fjordane, "Elise Vang", "elise.vang@helse-fjordane-sor.example", "+47 918 40 500",
                ["klima og helse"], RepresentativeRole.Representative, 6, "Geir Myhre", "Avdelingssjef", ct);

            await SeedInternationalAsync(context, ct);
            await national.ForwardedParticipationAsync(nordkapp, taskForceMember, InternationalHph, "tf-children-adolescents",
                "Vi ønsker å delta i den internasjonale task force for barn og unge på sykehus.", ct);
        }
    }

    private static async Task SeedInternationalAsync(MembershipContext context, CancellationToken ct)
    {
        await StartAsync(context, SwedishHph, "Svenskt nätverk för hälsofrämjande hälso- och sjukvård",
            NetworkKind.HealthPromotingNetwork, "SE", "", ["sv"], ct);
        var international = await StartAsync(context, InternationalHph,
            "International Network of Health Promoting Hospitals and Health Services", NetworkKind.HealthPromotingNetwork, "INT", "",
                ["en"], ct, timeZone: "Europe/Copenhagen");
        if (international is not null)
        {
            await international.MemberNetworkAsync("Norsk HPH (national network)", NationalHph, ct);
            await international.MemberNetworkAsync("Svenskt HPH (national network)", SwedishHph, ct);
        }
    }

    private static async Task<NetworkSeed?> StartAsync(MembershipContext context, string id, string name, NetworkKind kind, string country,
        string region, string[] languages, CancellationToken ct, string timeZone = "Europe/Oslo")
    {
        if (await context.Store.GetAsync(MembershipCollections.Networks, id, id, ct) is not null)
        {
            return null;
        }
        var caller = new Caller("demo-seed", id, null, null, new HashSet<string> { Roles.Secretariat, Roles.Operator });
        var network = new NetworkInput(name, Choice<NetworkKind>.Of(kind), country, region, languages, timeZone);
        await new CreateNetwork(context).RunAsync(new CreateNetworkCommand(RequestId(id), id, network), caller, ct);
        return new NetworkSeed(context, caller, id);
    }

    /// <summary>Writes one network's demo data through the use cases, as its secretariat.</summary>
    private sealed class NetworkSeed(MembershipContext context, Caller caller, string networkId)
    {
        public async Task<string> MemberAsync(string name, string number, OrganisationKind kind, string email, CancellationToken ct,
            bool approve = true)
        {
            var organisation = new OrganisationInput(name, number, Choice<OrganisationKind>.Of(kind), new ContactDetails(email));
            var created = await new CreateOrganisation(context).RunAsync(
                new CreateOrganisationCommand(networkId, RequestId($"{networkId}/{name}"), organisation, ""), caller, ct);
            await JoinAsync(created.Document.Id, approve, ct);
            return created.Document.Id;
        }

        public async Task MemberNetworkAsync(string name, string linkedNetworkId, CancellationToken ct)
        {
            var organisation = new OrganisationInput(name, "", Choice<OrganisationKind>.Of(OrganisationKind.Network), new ContactDetails());
            var created = await new CreateOrganisation(context).RunAsync(
                new CreateOrganisationCommand(networkId, RequestId($"{networkId}/{name}"), organisation, linkedNetworkId), caller, ct);
            await JoinAsync(created.Document.Id, approve: true, ct);
        }

        public async Task<string> PersonAsync(string organisationId, string name, string email, string phone, string[] expertise,
            CancellationToken ct)
        {
            var created = await new CreatePerson(context).RunAsync(new CreatePersonCommand(networkId, RequestId($"{networkId}/{name}"),
                organisationId, new PersonDetails(name, email, phone, expertise)), caller, ct);
            return created.Document.Id;
        }

        public async Task<string> RepresentativeAsync(string organisationId, string name, string email, string phone, string[] expertise,
            RepresentativeRole role, int hours, string manager, string managerTitle, CancellationToken ct)
        {
            var personId = await PersonAsync(organisationId, name, email, phone, expertise, ct);
            await new AppointRepresentative(context).RunAsync(new AppointRepresentativeCommand(networkId,
                RequestId($"{networkId}/{name}/appointment"),
                organisationId, personId, Choice<RepresentativeRole>.Of(role), hours, new ApprovingManager(manager, managerTitle), null),
                    caller, ct);
            return personId;
        }

        /// <summary>A representative asks to join a group of a parent network; this network's secretariat forwards it there.</summary>
        public async Task ForwardedParticipationAsync(string organisationId, string personId, string groupNetworkId, string groupId,
            string motivation,
            CancellationToken ct)
        {
            var request = await new RequestParticipation(context).RunAsync(new RequestParticipationCommand(networkId,
                RequestId($"{networkId}/{personId}/{groupId}"), organisationId, personId,
                    Choice<ParticipationKind>.Of(ParticipationKind.JoinGroup),
                groupId, "", groupNetworkId, motivation), caller, ct);
            await new ForwardParticipationRequest(context).RunAsync(new ForwardParticipationRequestCommand(networkId, request.Document.Id,
                groupNetworkId, "", "Anbefalt av arbeidsutvalget i Norsk HPH."), caller, ct);
        }

        private async Task JoinAsync(string organisationId, bool approve, CancellationToken ct)
        {
            await new ApplyForMembership(context).RunAsync(new ApplyForMembershipCommand(networkId, organisationId, "",
                "Søknad om medlemskap"),
                caller, ct);
            if (approve)
            {
                await new ApproveMembership(context).RunAsync(
                    new ApproveMembershipCommand(networkId, organisationId, "", "Vedtatt i partnermøtet / arbeidsutvalget"), caller, ct);
            }
        }
    }
}
