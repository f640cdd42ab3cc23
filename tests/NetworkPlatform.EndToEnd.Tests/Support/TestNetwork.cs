using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;
using Group = NetworkPlatform.Groups.V1.Group;

namespace NetworkPlatform.EndToEnd.Tests.Support;

/// <summary>A network of its own for one test, set up through the services' public gRPC APIs as the secretariat.</summary>
public sealed class TestNetwork(DistributedPlatform platform)
{
    private const string PartnerMeeting = "partnermotet";
    private bool partnerMeetingRegistered;

    public string Id { get; } = "net-" + Guid.NewGuid().ToString("N")[..12];

    public static DateTime Soon => DateTime.UtcNow.AddSeconds(20);

    /// <summary>The network's secretariat (a client registered for it at the issuer), once <see cref="CreateAsync"/> has run.</summary>
    public Metadata Secretariat { get; private set; } = null!;

    public OrganisationService.OrganisationServiceClient Organisations => new(platform.Membership.Channel);

    public PersonService.PersonServiceClient Persons => new(platform.Membership.Channel);

    public RepresentativeService.RepresentativeServiceClient Representatives => new(platform.Membership.Channel);

    public GroupsService.GroupsServiceClient Groups => new(platform.Groups.Channel);

    public MeetingsService.MeetingsServiceClient Meetings => new(platform.Meetings.Channel);

    public async Task CreateAsync()
    {
        Secretariat = await platform.CallerAsync(Id, Roles.Secretariat);
        await new NetworkService.NetworkServiceClient(platform.Membership.Channel).CreateNetworkAsync(new CreateNetworkRequest
        {
            Network = new Network { Id = Id, DisplayName = "Partnerskap mot mobbing", Kind = NetworkKind.Partnership, Country = "NO", TimeZone = "Europe/Oslo", Languages = { "nb" } },
        }, await platform.CallerAsync(Id, Roles.Operator), Soon);
    }

    /// <summary>An organisation with an approved membership.</summary>
    public async Task<Organisation> MemberOrganisationAsync(string name)
    {
        var organisation = await Organisations.CreateOrganisationAsync(new CreateOrganisationRequest
        {
            NetworkId = Id,
            Organisation = new Organisation { DisplayName = name, OrganisationNumber = "952601814", Kind = OrganisationKind.Municipality },
        }, Secretariat, Soon);
        await Organisations.ApplyForMembershipAsync(new ApplyForMembershipRequest { NetworkId = Id, OrganisationId = organisation.Id },
            Secretariat, Soon);
        return await Organisations.ApproveMembershipAsync(new ApproveMembershipRequest
        {
            NetworkId = Id, OrganisationId = organisation.Id, Reason = "Partnermøtet sak 3/26",
        }, Secretariat, Soon);
    }

    /// <summary>An organisation with an approved membership, a person employed there, and their appointment as its representative.</summary>
    public async Task<Representative> ActiveRepresentativeAsync(string organisationName, string personName, string email)
    {
        var organisation = await MemberOrganisationAsync(organisationName);
        var person = await Persons.CreatePersonAsync(new CreatePersonRequest
        {
            NetworkId = Id,
            Person = new Person { FullName = personName, Email = email, Phone = "+47 911 22 333", EmployerOrganisationId = organisation.Id },
        }, Secretariat, Soon);
        return await Representatives.AppointRepresentativeAsync(new AppointRepresentativeRequest
        {
            NetworkId = Id,
            Representative = new Representative
            {
                OrganisationId = organisation.Id,
                PersonId = person.Id,
                Role = RepresentativeRole.Representative,
                HoursPerMonth = 8,
                ApprovingManager = new ApprovingManager { FullName = "Per Solberg", Title = "Kommunalsjef" },
            },
        }, Secretariat, Soon);
    }

    /// <summary>
    /// A working group running this calendar year with its mandate approved by the partner meeting (registered on first
    /// use): it works, and lacks a leader until one is assigned or elected.
    /// </summary>
    public async Task<Group> MandatedWorkingGroupAsync(string groupId, string name)
    {
        if (!partnerMeetingRegistered)
        {
            await Groups.CreateGroupAsync(new CreateGroupRequest
            {
                NetworkId = Id,
                GroupId = PartnerMeeting,
                Group = new Group { DisplayName = "Partnermøtet", Kind = GroupKind.PartnerMeeting, Scope = GroupScope.National },
            }, Secretariat, Soon);
            partnerMeetingRegistered = true;
        }
        var year = DateTime.UtcNow.Year;
        var proposed = await Groups.ProposeGroupAsync(new ProposeGroupRequest
        {
            NetworkId = Id,
            GroupId = groupId,
            Reason = "Tiltak 2 i handlingsplanen",
            Group = new Group { DisplayName = name, Kind = GroupKind.WorkingGroup, Scope = GroupScope.National, StartDate = $"{year}-01-01", EndDate = $"{year}-12-31" },
        }, Secretariat, Soon);
        return await Groups.ApproveMandateAsync(new ApproveMandateRequest
        {
            NetworkId = Id,
            GroupId = groupId,
            Etag = proposed.Etag,
            Mandate = new Mandate
            {
                Purpose = name,
                Tasks = { "Utvikle veileder" },
                EndDate = $"{year}-12-31",
                ApprovedByGroupId = PartnerMeeting,
                DecisionReference = "Partnermøtet sak 14/26",
            },
        }, Secretariat, Soon);
    }

    /// <summary>A mandated working group with its leader, activated.</summary>
    public async Task<Group> ActiveWorkingGroupAsync(string groupId, string name, string leaderPersonId)
    {
        await MandatedWorkingGroupAsync(groupId, name);
        await AssignAsync(groupId, leaderPersonId, Role.Leader);
        return await Groups.ActivateGroupAsync(new ActivateGroupRequest { NetworkId = Id, GroupId = groupId, DecisionReference = "Partnermøtet sak 14/26" }, Secretariat, Soon);
    }

    /// <summary>The groups service checks the person with membership, on the secretariat's behalf (its token travels on).</summary>
    public async Task<Group> AssignAsync(string groupId, string personId, Role role) =>
        await Groups.AssignRoleAsync(new AssignRoleRequest { NetworkId = Id, GroupId = groupId, PersonId = personId, Role = role }, Secretariat, Soon);

    public async Task<Group> GetGroupAsync(string groupId) =>
        await Groups.GetGroupAsync(new GetGroupRequest { NetworkId = Id, GroupId = groupId }, Secretariat, Soon);

    /// <summary>The meetings service copies the secretariat on every notice; it needs the address for that.</summary>
    public async Task SetSecretariatAddressAsync() =>
        await Meetings.UpdateMeetingSettingsAsync(new UpdateMeetingSettingsRequest
        {
            Settings = new MeetingSettings { NetworkId = Id, Secretariat = new Secretariat { DisplayName = "Sekretariatet", Email = "post@partnerskap.example" } },
            UpdateMask = new FieldMask { Paths = { "secretariat" } },
        }, Secretariat, Soon);

    /// <summary>A two-hour meeting of the group, invitations sent.</summary>
    public async Task<Meeting> ScheduleAndInviteAsync(string groupId, MeetingKind kind, string title, DateTimeOffset start)
    {
        var meeting = await Meetings.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            NetworkId = Id,
            Meeting = new Meeting
            {
                GroupId = groupId, Kind = kind, Title = title,
                StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddHours(2)),
                VideoLink = $"https://meet.example/{groupId}",
            },
        }, Secretariat, Soon);
        await Meetings.SendInvitationsAsync(new SendInvitationsRequest { NetworkId = Id, MeetingId = meeting.MeetingId }, Secretariat, Soon);
        return meeting;
    }

    /// <summary>Records who was present, which makes a meeting that has begun held.</summary>
    public async Task RecordPresentAsync(string meetingId, params Representative[] present)
    {
        var attendance = new RecordAttendanceRequest { NetworkId = Id, MeetingId = meetingId };
        attendance.Entries.AddRange(present.Select(r => new AttendanceEntry { PersonId = r.PersonId, Status = AttendanceStatus.Present }));
        await Meetings.RecordAttendanceAsync(attendance, Secretariat, Soon);
    }

    public async Task<Meeting> GetMeetingAsync(string meetingId) =>
        await Meetings.GetMeetingAsync(new GetMeetingRequest { NetworkId = Id, MeetingId = meetingId }, Secretariat, Soon);
}
