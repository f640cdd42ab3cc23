using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
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

        await seed.WorkingGroupAsync("ag-digital-mobbing", "Arbeidsgruppe digital mobbing", year, "partnermotet", $"Partnermøtet {year}-02-10, sak 4/{year % 100}",
            "Forebygge og håndtere digital mobbing blant barn og unge", ["Samle kunnskap om digital mobbing", "Lage materiell for skoler og foreldre"],
            leader: Person("Sindre Moen"), budgetResponsible: Person("Marte Lie"), members: [Person("Eirik Dahl"), Person("Nora Bakke")], ct);
        await seed.InviteAsync("ag-digital-mobbing", DemoPeople.PersonId(Partnership, "Henrik Lunde"), DemoPeople.OrganisationId(Partnership, "Høgskolen i Vestdal"), "Henrik Lunde", Role.InvitedExpert, ct);
        await seed.WorkingGroupAsync("ag-trygt-barnehagemiljo", "Arbeidsgruppe trygt barnehage- og skolemiljø", year, "partnermotet", $"Partnermøtet {year}-02-10, sak 5/{year % 100}",
            "Styrke arbeidet med trygt og godt barnehage- og skolemiljø", ["Utvikle kompetansepakke for ansatte", "Følge opp elevundersøkelsen i kommunene"],
            leader: Person("Ingrid Haugen"), budgetResponsible: Person("Aisha Rahman"), members: [Person("Jonas Berg")], ct);

        await seed.MeasureAsync("tiltak-kampanje-nettvett", year, "Nasjonal kampanje om nettvett og digital mobbing", "ag-digital-mobbing", ct);
        await seed.MeasureAsync("tiltak-foreldreveileder", year, "Veileder for foreldre om barns digitale liv", "ag-digital-mobbing", ct);
        await seed.MeasureAsync("tiltak-kompetansepakke", year, "Kompetansepakke for barnehageansatte", "ag-trygt-barnehagemiljo", ct);
        await seed.MeasureAsync("tiltak-elevundersokelsen", year, "Felles oppfølging av elevundersøkelsen", "ag-trygt-barnehagemiljo", ct);
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
        var group = await seed.ProposeAsync("tg-helsekompetanse", "Temagruppe helsekompetanse", GroupKind.ThematicGroup, GroupScope.National, null, ct);
        await seed.MandateAsync(group, new Mandate
        {
            Purpose = "Styrke helsekompetansen hos pasienter og ansatte i medlemsforetakene",
            Scope = "Nasjonal temagruppe i Norsk HPH",
            Tasks = { "Dele erfaringer mellom foretakene", "Utarbeide anbefalinger om pasientopplæring" },
            Deliverables = { "Årlig erfaringsseminar" },
            ReportingDuties = { "Årsrapport til arbeidsutvalget" },
            StartDate = $"{year}-01-01",
            ApprovedByGroupId = "arbeidsutvalget",
            DecisionReference = $"Arbeidsutvalget {year}-01-20, sak 3/{year % 100}",
        }, ct);
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
        await seed.MandateAsync(taskForce, new Mandate
        {
            Purpose = "Promote the health of children and adolescents in and by hospitals and health services",
            Scope = "International task force of the HPH network",
            Tasks = { "Maintain the standards for child and adolescent health promotion", "Support national networks in applying them" },
            Deliverables = { "Yearly action plan", "Self-assessment tool" },
            ReportingDuties = { "Yearly report to the governance board" },
            StartDate = $"{year - 1}-01-01",
            EndDate = $"{year + 2}-12-31",
            ApprovedByGroupId = "governance-board",
            DecisionReference = $"Governance Board {year - 1}-11-15, item 7",
        }, ct);
    }

    /// <summary>The demo's steps for one network, as its secretariat.</summary>
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
            await new CreateGroup(context.Store, context.Clock).HandleAsync(new CreateGroupRequest
            {
                NetworkId = networkId,
                GroupId = id,
                Group = new Group { DisplayName = name, Kind = kind, Scope = GroupScope.National },
            }, secretariat, ct);
            return true;
        }

        public async Task<string> ProposeAsync(string id, string name, GroupKind kind, GroupScope scope, string? endDate, CancellationToken ct)
        {
            await new ProposeGroup(context.Store, context.Clock).HandleAsync(new ProposeGroupRequest
            {
                NetworkId = networkId,
                GroupId = id,
                Group = new Group { DisplayName = name, Kind = kind, Scope = scope, EndDate = endDate ?? "", JoinPolicy = JoinPolicy.Open },
                Reason = "Demo",
            }, secretariat, ct);
            return id;
        }

        public async Task MandateAsync(string groupId, Mandate mandate, CancellationToken ct) =>
            await new ApproveMandate(context.Store, context.Clock).HandleAsync(new ApproveMandateRequest { NetworkId = networkId, GroupId = groupId, Mandate = mandate }, secretariat, ct);

        public async Task StaffAsync(string groupId, string leader, string budgetResponsible, IEnumerable<string> members, CancellationToken ct)
        {
            var assign = new AssignRole(context.Store, context.Membership, context.Clock);
            await assign.HandleAsync(new AssignRoleRequest { NetworkId = networkId, GroupId = groupId, PersonId = leader, Role = Role.Leader }, secretariat, ct);
            await assign.HandleAsync(new AssignRoleRequest { NetworkId = networkId, GroupId = groupId, PersonId = budgetResponsible, Role = Role.BudgetResponsible }, secretariat, ct);
            foreach (var member in members)
            {
                await assign.HandleAsync(new AssignRoleRequest { NetworkId = networkId, GroupId = groupId, PersonId = member, Role = Role.Member }, secretariat, ct);
            }
        }

        public async Task InviteAsync(string groupId, string personId, string organisationId, string name, Role role, CancellationToken ct) =>
            await new AssignRole(context.Store, context.Membership, context.Clock).HandleAsync(new AssignRoleRequest
            {
                NetworkId = networkId, GroupId = groupId, PersonId = personId, OrganisationId = organisationId, DisplayName = name, Role = role,
            }, secretariat, ct);

        public async Task ActivateAsync(string groupId, CancellationToken ct) =>
            await new ActivateGroup(context.Store, context.Clock).HandleAsync(new ActivateGroupRequest { NetworkId = networkId, GroupId = groupId, DecisionReference = "Oppstartsmøte" }, secretariat, ct);

        /// <summary>A working group of the year: proposed, mandated by the partner meeting, staffed, active.</summary>
        public async Task WorkingGroupAsync(string id, string name, int year, string approvedBy, string decision, string purpose, string[] tasks,
            string leader, string budgetResponsible, IEnumerable<string> members, CancellationToken ct)
        {
            await ProposeAsync(id, name, GroupKind.WorkingGroup, GroupScope.National, $"{year}-12-31", ct);
            await MandateAsync(id, new Mandate
            {
                Purpose = purpose,
                Scope = "Partnerskapets felles tiltak",
                Tasks = { tasks },
                Deliverables = { "Rapport på tiltakene ved årets slutt" },
                ReportingDuties = { "Rapportering på grunnbevilgning og tiltak", "Regnskap for arbeidsgruppa" },
                StartDate = $"{year}-01-01",
                EndDate = $"{year}-12-31",
                ApprovedByGroupId = approvedBy,
                DecisionReference = decision,
            }, ct);
            await StaffAsync(id, leader, budgetResponsible, members, ct);
            await ActivateAsync(id, ct);
        }

        public async Task MeasureAsync(string id, int year, string title, string groupId, CancellationToken ct) =>
            await new CreateMeasure(context.Store, context.Clock).HandleAsync(new CreateMeasureRequest
            {
                NetworkId = networkId,
                MeasureId = id,
                Measure = new Measure
                {
                    Year = year,
                    Title = title,
                    GroupId = groupId,
                    Milestones =
                    {
                        new Milestone { MilestoneId = "plan", Title = "Plan vedtatt i oppstartsmøtet", DueDate = $"{year}-02-28" },
                        new Milestone { MilestoneId = "rapport", Title = "Rapportert i rapporteringsmøtet", DueDate = $"{year}-12-15" },
                    },
                },
            }, secretariat, ct);

        /// <summary>The partnership's rhythm (003): start-up in January, a meeting before each partner meeting, reporting in December.</summary>
        public async Task AnnualWheelAsync(string groupId, int year, string[] measures, CancellationToken ct) =>
            await new UpdateAnnualWheel(context.Store, context.Clock).HandleAsync(new UpdateAnnualWheelRequest
            {
                Wheel = new AnnualWheel
                {
                    NetworkId = networkId,
                    GroupId = groupId,
                    Year = year,
                    Activities =
                    {
                        new PlannedActivity { ActivityId = "oppstart", Month = 1, Title = "Oppstartsmøte: valg av leder og budsjettansvarlig, årshjul, budsjett", MeasureIds = { measures } },
                        new PlannedActivity { ActivityId = "for-partnermote-var", Month = 3, Title = "Underveismøte før partnermøtet", MeasureIds = { measures } },
                        new PlannedActivity { ActivityId = "for-partnermote-host", Month = 9, Title = "Underveismøte før partnermøtet; søknader til Partnerpotten" },
                        new PlannedActivity { ActivityId = "rapportering", Month = 12, Title = "Rapporteringsmøte: tiltak, regnskap, innspill til neste år", MeasureIds = { measures } },
                    },
                },
            }, secretariat, ct);
    }
}
