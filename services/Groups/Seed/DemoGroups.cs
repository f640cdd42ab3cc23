using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Seed;

/// <summary>
/// The demo groups `make run` starts with, for membership's demo networks: the partnership's governing bodies and two
/// working groups that each own two of the year's measures, with annual wheels (seed 003); a national thematic group in
/// Norsk HPH and the international task force for children and adolescents, mandated for several years (seed 000) — the
/// group membership's demo participation request is forwarded to. Goes through the use cases, so every step emits its
/// events. A network whose partner meeting / working committee / board exists is skipped.
/// </summary>
public static class DemoGroups
{
    public const string Partnership = "partnerskap-mot-mobbing";
    public const string NationalHph = "norsk-hph";
    public const string InternationalHph = "international-hph";
    public const string TaskForce = "tf-children-adolescents";

    public static async Task SeedAsync(IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var people = new DemoPeople();
        var context = new GroupsContext(store, people, clock);
        var year = clock.GetUtcNow().Year;
        await SeedPartnershipAsync(new Seeder(context, Partnership), people, year, cancellationToken);
        await SeedNationalHphAsync(new Seeder(context, NationalHph), people, year, cancellationToken);
        await SeedInternationalHphAsync(new Seeder(context, InternationalHph), year, cancellationToken);
    }

    private static async Task SeedPartnershipAsync(Seeder seed, DemoPeople people, int year, CancellationToken ct)
    {
        if (!await seed.StandingBodyAsync("partnermotet", "Partnermøtet", GroupKind.PartnerMeeting, ct))
        {
            return;
        }
        await seed.StandingBodyAsync("sekretariatet", "Sekretariatet", GroupKind.Secretariat, ct);
        await seed.StandingBodyAsync("gruppeledermotet", "Gruppeledermøtet", GroupKind.GroupLeaderForum, ct);
        string Person(string name) => people.Person(Partnership, name).PersonId;

        await seed.WorkingGroupAsync("ag-digital-mobbing", "Arbeidsgruppe digital mobbing", year, "partnermotet",
            $"Partnermøtet {year}-02-10, sak 4/{year % 100}",
            "Forebygge og håndtere digital mobbing blant barn og unge", ["Samle kunnskap om digital mobbing",
                "Lage materiell for skoler og foreldre"],
            leader: Person("Sindre Moen"), budgetResponsible: Person("Marte Lie"), members: [Person("Eirik Dahl"), Person("Nora Bakke")],
                ct);
        await seed.InviteAsync("ag-digital-mobbing", DemoPeople.PersonId(Partnership, "Henrik Lunde"),
            DemoPeople.OrganisationId(Partnership, "Høgskolen i Vestdal"), "Henrik Lunde", GroupRole.InvitedExpert, ct);
        await seed.WorkingGroupAsync("ag-trygt-barnehagemiljo", "Arbeidsgruppe trygt barnehage- og skolemiljø", year, "partnermotet",
            $"Partnermøtet {year}-02-10, sak 5/{year % 100}",
            "Styrke arbeidet med trygt og godt barnehage- og skolemiljø", ["Utvikle kompetansepakke for ansatte",
                "Følge opp elevundersøkelsen i kommunene"],
            leader: Person("Ingrid Haugen"), budgetResponsible: Person("Aisha Rahman"), members: [Person("Jonas Berg")], ct);

        await seed.MeasureAsync("tiltak-kampanje-nettvett", year, "Nasjonal kampanje om nettvett og digital mobbing", "ag-digital-mobbing",
            ct);
        await seed.MeasureAsync("tiltak-foreldreveileder", year, "Veileder for foreldre om barns digitale liv", "ag-digital-mobbing", ct);
        await seed.MeasureAsync("tiltak-kompetansepakke", year, "Kompetansepakke for barnehageansatte", "ag-trygt-barnehagemiljo", ct);
        await seed.MeasureAsync("tiltak-elevundersokelsen", year, "Felles oppfølging av elevundersøkelsen", "ag-trygt-barnehagemiljo",
            ct);
        await seed.AnnualWheelAsync("ag-digital-mobbing", year, ["tiltak-kampanje-nettvett", "tiltak-foreldreveileder"], ct);
        await seed.AnnualWheelAsync("ag-trygt-barnehagemiljo", year, ["tiltak-kompetansepakke", "tiltak-elevundersokelsen"], ct);
    }

    private static async Task SeedNationalHphAsync(Seeder seed, DemoPeople people, int year, CancellationToken ct)
    {
        if (!await seed.StandingBodyAsync("arbeidsutvalget", "Arbeidsutvalget", GroupKind.WorkingCommittee, ct))
        {
            return;
        }
        string Person(string name) => people.Person(NationalHph, name).PersonId;
        var group = await seed.ProposeAsync("tg-helsekompetanse", "Temagruppe helsekompetanse", GroupKind.ThematicGroup,
            GroupScope.National, null, ct);
        await seed.MandateAsync(group, new MandateDraft(
            Purpose: "Styrke helsekompetansen hos pasienter og ansatte i medlemsforetakene",
            Scope: "Nasjonal temagruppe i Norsk HPH",
            Tasks: ["Dele erfaringer mellom foretakene", "Utarbeide anbefalinger om pasientopplæring"],
            Deliverables: ["Årlig erfaringsseminar"],
            ReportingDuties: ["Årsrapport til arbeidsutvalget"],
            StartDate: $"{year}-01-01",
            EndDate: "",
            ApprovedByGroupId: "arbeidsutvalget",
            DecisionReference: $"Arbeidsutvalget {year}-01-20, sak 3/{year % 100}"), ct);
        await seed.StaffAsync(group, Person("Hanne Sørli"), Person("Solveig Knutsen"), [Person("Elise Vang")], ct);
        await seed.ActivateAsync(group, ct);
    }

    private static async Task SeedInternationalHphAsync(Seeder seed, int year, CancellationToken ct)
    {
        if (!await seed.StandingBodyAsync("governance-board", "Governance Board", GroupKind.SteeringGroup, ct))
        {
            return;
        }
        // Members of the international network are national networks; no person is appointed there yet, so the task
        // force is mandated and waits for its leader (flagged), while Norsk HPH forwards a request to join it.
        var taskForce = await seed.ProposeAsync(TaskForce, "Task Force on Health Promotion for Children and Adolescents in & by Hospitals",
            GroupKind.TaskForce, GroupScope.International, null, ct);
        await seed.MandateAsync(taskForce, new MandateDraft(
            Purpose: "Promote the health of children and adolescents in and by hospitals and health services",
            Scope: "International task force of the HPH network",
            Tasks: ["Maintain the standards for child and adolescent health promotion", "Support national networks in applying them"],
            Deliverables: ["Yearly action plan", "Self-assessment tool"],
            ReportingDuties: ["Yearly report to the governance board"],
            StartDate: $"{year - 1}-01-01",
            EndDate: $"{year + 2}-12-31",
            ApprovedByGroupId: "governance-board",
            DecisionReference: $"Governance Board {year - 1}-11-15, item 7"), ct);
    }

    /// <summary>The demo's steps for one network, as its secretariat, through the use cases.</summary>
    private sealed class Seeder(GroupsContext context, string networkId)
    {
        private readonly Caller secretariat = new("demo-seed", networkId, null, null, new HashSet<string> { Roles.Secretariat });

        /// <returns>False when it exists already (the network was seeded before).</returns>
        public async Task<bool> StandingBodyAsync(string id, string name, GroupKind kind, CancellationToken ct)
        {
            if (await context.Store.GetAsync(GroupsCollections.Groups, networkId, id, ct) is not null)
            {
                return false;
            }
            await new CreateGroup(context).RunAsync(new CreateGroupCommand(networkId, id, "", Draft(name, kind, GroupScope.National, "")),
                secretariat, ct);
            return true;
        }

        public async Task<string> ProposeAsync(string id, string name, GroupKind kind, GroupScope scope, string? endDate,
            CancellationToken ct)
        {
            await new ProposeGroup(context).RunAsync(new ProposeGroupCommand(networkId, id, "", Draft(name, kind, scope, endDate ?? ""),
                "Demo"),
                secretariat, ct);
            return id;
        }

        public async Task MandateAsync(string groupId, MandateDraft mandate, CancellationToken ct) =>
            await new ApproveMandate(context).RunAsync(new ApproveMandateCommand(networkId, groupId, mandate, ""), secretariat, ct);

        public async Task StaffAsync(string groupId, string leader, string budgetResponsible, IEnumerable<string> members,
            CancellationToken ct)
        {
            await AssignAsync(groupId, leader, GroupRole.Leader, ct);
            await AssignAsync(groupId, budgetResponsible, GroupRole.BudgetResponsible, ct);
            foreach (var member in members)
            {
                await AssignAsync(groupId, member, GroupRole.Member, ct);
            }
        }

        public async Task InviteAsync(string groupId, string personId, string organisationId, string name, GroupRole role,
            CancellationToken ct) =>
            await new AssignRole(context).RunAsync(new AssignRoleCommand(networkId, groupId, personId, organisationId, role, name, ""),
                secretariat, ct);

        public async Task ActivateAsync(string groupId, CancellationToken ct) =>
            await new ActivateGroup(context).RunAsync(new ActivateGroupCommand(networkId, groupId, "Oppstartsmøte", ""), secretariat, ct);

        /// <summary>A working group of the year: proposed, mandated by the partner meeting, staffed, active.</summary>
        public async Task WorkingGroupAsync(string id, string name, int year, string approvedBy, string decision, string purpose,
            string[] tasks,
            string leader, string budgetResponsible, IEnumerable<string> members, CancellationToken ct)
        {
            await ProposeAsync(id, name, GroupKind.WorkingGroup, GroupScope.National, $"{year}-12-31", ct);
            await MandateAsync(id, new MandateDraft(purpose, "Partnerskapets felles tiltak", tasks,
                ["Rapport på tiltakene ved årets slutt"],
                ["Rapportering på grunnbevilgning og tiltak", "Regnskap for arbeidsgruppa"], $"{year}-01-01", $"{year}-12-31", approvedBy,
                    decision), ct);
            await StaffAsync(id, leader, budgetResponsible, members, ct);
            await ActivateAsync(id, ct);
        }

        public async Task MeasureAsync(string id, int year, string title, string groupId, CancellationToken ct) =>
            await new CreateMeasure(context).RunAsync(new CreateMeasureCommand(networkId, id, "", new MeasureDraft(year, title, "", "",
                groupId, null,
            [
                new MilestoneDraft("plan", "Plan vedtatt i oppstartsmøtet", $"{year}-02-28"),
                new MilestoneDraft("rapport", "Rapportert i rapporteringsmøtet", $"{year}-12-15"),
            ])), secretariat, ct);

        /// <summary>The partnership's rhythm (003): start-up in January, a meeting before each partner meeting, reporting in
        /// December.</summary>
        public async Task AnnualWheelAsync(string groupId, int year, string[] measures, CancellationToken ct) =>
            await new UpdateAnnualWheel(context).RunAsync(new UpdateAnnualWheelCommand(networkId, groupId, year,
            [
                new ActivityDraft("oppstart", 1, "Oppstartsmøte: valg av leder og budsjettansvarlig, årshjul, budsjett", "", measures,
                    ""),
                new ActivityDraft("for-partnermote-var", 3, "Underveismøte før partnermøtet", "", measures, ""),
                new ActivityDraft("for-partnermote-host", 9, "Underveismøte før partnermøtet; søknader til Partnerpotten", "", [], ""),
                new ActivityDraft("rapportering", 12, "Rapporteringsmøte: tiltak, regnskap, innspill til neste år", "", measures, ""),
            ], ""), secretariat, ct);

        private Task AssignAsync(string groupId, string personId, GroupRole role, CancellationToken ct) =>
            new AssignRole(context).RunAsync(new AssignRoleCommand(networkId, groupId, personId, "", role, "", ""), secretariat, ct);

        private static GroupDraft Draft(string name, GroupKind kind, GroupScope scope, string endDate) =>
            new(name, "", kind, scope, JoinPolicy.Open, "", endDate, "");
    }
}
