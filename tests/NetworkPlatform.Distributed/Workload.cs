using NetworkPlatform.Application;
using System.Collections.Concurrent;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Groups.V1;
using Grpc.Core;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;
using Group = NetworkPlatform.Groups.V1.Group;

namespace NetworkPlatform.Distributed;

/// <summary>
/// Writes through the public gRPC API, as the secretariat of a network of its own, whose events every other service
/// consumes: meetings scheduled, rescheduled and cancelled; meetings held with attendance, decisions and published minutes
/// (meetings -> reporting); representatives appointed into groups and withdrawn (membership -> groups, which removes them
/// -> reporting). Several workers run at once, each on its own organisation, each starting an operation every
/// <c>pace</c> (default 250 ms; zero: as fast as it can). A call that fails (a fault under way) is counted and the worker
/// goes on: what the owning services committed is the truth the checker compares against.
/// </summary>
public sealed class Workload(PlatformProcesses platform, int workers = 4, TimeSpan? pace = null)
{
    private const string PartnerMeeting = "partnermotet";
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<StatusCode, int> outcomes = new();
    private readonly List<string> groups = [];
    private readonly List<(string OrganisationId, List<string> PersonIds)> organisations = [];

    public string NetworkId { get; } = "net-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Calls made so far by status (OK, and what the faults caused).</summary>
    public IReadOnlyDictionary<StatusCode, int> Outcomes => outcomes;

    /// <summary>The network's secretariat (a client registered at the issuer), once <see cref="SetUpAsync"/> has begun.</summary>
    private Metadata Secretariat { get; set; } = null!;

    private static DateTime Soon => DateTime.UtcNow + CallTimeout;

    private MeetingsService.MeetingsServiceClient Meetings => new(platform["meetings"].Channel);

    private GroupsService.GroupsServiceClient Groups => new(platform["groups"].Channel);

    private RepresentativeService.RepresentativeServiceClient Representatives => new(platform["membership"].Channel);

    /// <summary>The network, one member organisation per worker with two representatives, and three active working groups.</summary>
    public async Task SetUpAsync()
    {
        Secretariat = await platform.CallerAsync(NetworkId, Roles.Secretariat);
        var networkOperator = await platform.CallerAsync(NetworkId, Roles.Operator);
        await CallAsync(() =>
            new NetworkService.NetworkServiceClient(platform["membership"].Channel).CreateNetworkAsync(new CreateNetworkRequest
        {
            Network = new Network { Id = NetworkId, DisplayName = "Partnerskap mot mobbing", Kind = NetworkKind.Partnership,
                Country = "NO", TimeZone = "Europe/Oslo", Languages = { "nb" } },
        }, networkOperator, Soon));
        await CallAsync(() => Meetings.UpdateMeetingSettingsAsync(new UpdateMeetingSettingsRequest
        {
            Settings = new MeetingSettings { NetworkId = NetworkId,
                Secretariat = new Secretariat { DisplayName = "Sekretariatet", Email = "post@partnerskap.example" } },
            UpdateMask = new FieldMask { Paths = { "secretariat" } },
        }, Secretariat, Soon));
        for (var i = 0; i < workers; i++)
        {
            var organisation = await MemberOrganisationAsync($"Kommune {i}");
            organisations.Add((organisation,
                [await PersonAsync(organisation, $"Leder {i}"), await PersonAsync(organisation, $"Medlem {i}")]));
        }
        foreach (var person in organisations.SelectMany(o => o.PersonIds.Select(p => (o.OrganisationId, PersonId: p))))
        {
            await AppointAsync(person.OrganisationId, person.PersonId);
        }
        await CallAsync(() => Groups.CreateGroupAsync(new CreateGroupRequest
        {
            NetworkId = NetworkId,
            GroupId = PartnerMeeting,
            Group = new Group { DisplayName = "Partnermøtet", Kind = GroupKind.PartnerMeeting, Scope = GroupScope.National },
        }, Secretariat, Soon));
        for (var i = 0; i < 3; i++)
        {
            var groupId = $"wg-{i}";
            await WorkingGroupAsync(groupId, organisations[i % organisations.Count].PersonIds[0]);
            groups.Add(groupId);
        }
    }

    /// <summary>Each worker writes until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(worker => Task.Run(() => WorkAsync(worker, stop), CancellationToken.None)));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var random = new Random(worker);
        var interval = pace ?? TimeSpan.FromMilliseconds(250);
        using var timer = new PeriodicTimer(interval > TimeSpan.FromMilliseconds(1) ? interval : TimeSpan.FromMilliseconds(1));
        while (await timer.WaitForNextTickAsync(CancellationToken.None) && !stop.IsCancellationRequested)
        {
            var groupId = groups[random.Next(groups.Count)];
            var operation = random.Next(10) switch
            {
                < 4 => UpcomingMeetingAsync(groupId, random),
                < 7 => HeldMeetingAsync(groupId, organisations[worker].PersonIds, random),
                _ => RepresentativeComesAndGoesAsync(groupId, organisations[worker].OrganisationId, random),
            };
            try
            {
                await operation;
            }
            catch (RpcException e)
            {
                outcomes.AddOrUpdate(e.StatusCode, 1, (_, count) => count + 1);
                await Task.Delay(100, CancellationToken.None); // A fault under way: no busy loop against it.
            }
        }
    }

    /// <summary>Scheduled, rescheduled once or twice, and sometimes cancelled: reporting must end with the last start and state.</summary>
    private async Task UpcomingMeetingAsync(string groupId, Random random)
    {
        var start = DateTimeOffset.UtcNow.Date.AddDays(random.Next(7, 60)).AddHours(10);
        var meeting = await CallAsync(() => Meetings.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            NetworkId = NetworkId,
            Meeting = new Meeting { GroupId = groupId, Kind = MeetingKind.Interim, Title = "Underveismøte", StartTime = Ts(start),
                EndTime = Ts(start.AddHours(2)) },
        }, Secretariat, Soon));
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            start = start.AddDays(random.Next(1, 5)).AddMinutes(random.Next(0, 60));
            meeting = await CallAsync(() => Meetings.RescheduleMeetingAsync(new RescheduleMeetingRequest
            {
                NetworkId = NetworkId, MeetingId = meeting.MeetingId, StartTime = Ts(start), EndTime = Ts(start.AddHours(2)),
                    Reason = "Kollisjon",
            }, Secretariat, Soon));
        }
        if (random.Next(3) == 0)
        {
            await CallAsync(() =>
                Meetings.CancelMeetingAsync(new CancelMeetingRequest { NetworkId = NetworkId, MeetingId = meeting.MeetingId,
                    Reason = "Avlyst" }, Secretariat, Soon));
        }
    }

    /// <summary>Begun an hour ago: attendance, one or two decisions, minutes drafted, approved and published.</summary>
    private async Task HeldMeetingAsync(string groupId, List<string> present, Random random)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var meeting = await CallAsync(() => Meetings.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            NetworkId = NetworkId,
            Meeting = new Meeting { GroupId = groupId, Kind = MeetingKind.Interim, Title = "Arbeidsmøte", StartTime = Ts(start),
                EndTime = Ts(start.AddHours(2)) },
        }, Secretariat, Soon));
        var attendance = new RecordAttendanceRequest { NetworkId = NetworkId, MeetingId = meeting.MeetingId };
        attendance.Entries.AddRange(present.Select(p =>
            new Meetings.V1.AttendanceEntry { PersonId = p, Status = AttendanceStatus.Present }));
        await CallAsync(() => Meetings.RecordAttendanceAsync(attendance, Secretariat, Soon));
        for (var i = random.Next(1, 3); i > 0; i--)
        {
            await CallAsync(() => Meetings.RecordDecisionAsync(new RecordDecisionRequest
            {
                NetworkId = NetworkId, MeetingId = meeting.MeetingId,
                    Decision = new Decision { Kind = DecisionKind.FreeText, Text = $"Vedtak {i}" },
            }, Secretariat, Soon));
        }
        await CallAsync(() =>
            Meetings.GenerateMinutesDraftAsync(new GenerateMinutesDraftRequest { NetworkId = NetworkId, MeetingId = meeting.MeetingId },
                Secretariat, Soon));
        await CallAsync(() =>
            Meetings.ApproveMinutesAsync(new ApproveMinutesRequest { NetworkId = NetworkId, MeetingId = meeting.MeetingId }, Secretariat,
                Soon));
        await CallAsync(() =>
            Meetings.PublishMinutesAsync(new PublishMinutesRequest { NetworkId = NetworkId, MeetingId = meeting.MeetingId }, Secretariat,
                Soon));
    }

    /// <summary>A new person appointed and put in a group; half of them are withdrawn again, which takes them out of it.</summary>
    private async Task RepresentativeComesAndGoesAsync(string groupId, string organisationId, Random random)
    {
        var personId = await PersonAsync(organisationId, $"Person {Guid.NewGuid():N}"[..20]);
        var representative = await AppointAsync(organisationId, personId);
        await CallAsync(() => Groups.AssignRoleAsync(
            new AssignRoleRequest { NetworkId = NetworkId, GroupId = groupId, PersonId = personId, Role = Role.Member }, Secretariat,
                Soon));
        if (random.Next(2) == 0)
        {
            await CallAsync(() => Representatives.WithdrawRepresentativeAsync(
                new WithdrawRepresentativeRequest { NetworkId = NetworkId, RepresentativeId = representative.Id, Reason = "Sluttet" },
                    Secretariat, Soon));
        }
    }

    private async Task<string> MemberOrganisationAsync(string name)
    {
        var organisations = new OrganisationService.OrganisationServiceClient(platform["membership"].Channel);
        var organisation = await CallAsync(() => organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            NetworkId = NetworkId,
            Organisation = new Organisation { DisplayName = name, OrganisationNumber = "952601814", Kind = OrganisationKind.Municipality },
        }, Secretariat, Soon));
        await CallAsync(() =>
            organisations.ApplyForMembershipAsync(new ApplyForMembershipRequest { NetworkId = NetworkId,
                OrganisationId = organisation.Id }, Secretariat, Soon));
        await CallAsync(() => organisations.ApproveMembershipAsync(
            new ApproveMembershipRequest { NetworkId = NetworkId, OrganisationId = organisation.Id, Reason = "Partnermøtet sak 3/26" },
                Secretariat, Soon));
        return organisation.Id;
    }

    private async Task<string> PersonAsync(string organisationId, string name) =>
        (await CallAsync(() =>
            new PersonService.PersonServiceClient(platform["membership"].Channel).CreatePersonAsync(new CreatePersonRequest
        {
            NetworkId = NetworkId,
            Person = new Person { FullName = name, Email = "person@kommune.example", Phone = "+47 911 22 333",
                EmployerOrganisationId = organisationId },
        }, Secretariat, Soon))).Id;

    private Task<Representative> AppointAsync(string organisationId, string personId) =>
        CallAsync(() => Representatives.AppointRepresentativeAsync(new AppointRepresentativeRequest
        {
            NetworkId = NetworkId,
            Representative = new Representative
            {
                OrganisationId = organisationId, PersonId = personId, Role = RepresentativeRole.Representative, HoursPerMonth = 8,
                ApprovingManager = new ApprovingManager { FullName = "Per Solberg", Title = "Kommunalsjef" },
            },
        }, Secretariat, Soon));

    /// <summary>A working group with its mandate approved by the partner meeting and its leader, activated.</summary>
    private async Task WorkingGroupAsync(string groupId, string leaderPersonId)
    {
        var year = DateTime.UtcNow.Year;
        var proposed = await CallAsync(() => Groups.ProposeGroupAsync(new ProposeGroupRequest
        {
            NetworkId = NetworkId,
            GroupId = groupId,
            Reason = "Tiltak i handlingsplanen",
            Group = new Group { DisplayName = groupId, Kind = GroupKind.WorkingGroup, Scope = GroupScope.National,
                StartDate = $"{year}-01-01", EndDate = $"{year}-12-31" },
        }, Secretariat, Soon));
        await CallAsync(() => Groups.ApproveMandateAsync(new ApproveMandateRequest
        {
            NetworkId = NetworkId,
            GroupId = groupId,
            Etag = proposed.Etag,
            Mandate = new Mandate
            {
                Purpose = groupId, Tasks = { "Utvikle veileder" }, EndDate = $"{year}-12-31", ApprovedByGroupId = PartnerMeeting,
                    DecisionReference = "Partnermøtet sak 14/26",
            },
        }, Secretariat, Soon));
        await CallAsync(() => Groups.AssignRoleAsync(
            new AssignRoleRequest { NetworkId = NetworkId, GroupId = groupId, PersonId = leaderPersonId, Role = Role.Leader },
                Secretariat, Soon));
        await CallAsync(() =>
            Groups.ActivateGroupAsync(new ActivateGroupRequest { NetworkId = NetworkId, GroupId = groupId,
                DecisionReference = "Partnermøtet sak 14/26" }, Secretariat, Soon));
    }

    private async Task<T> CallAsync<T>(Func<AsyncUnaryCall<T>> start)
    {
        using var call = start();
        var result = await call.ResponseAsync;
        outcomes.AddOrUpdate(StatusCode.OK, 1, (_, count) => count + 1);
        return result;
    }

    private static Timestamp Ts(DateTimeOffset time) => Timestamp.FromDateTimeOffset(time);
}
