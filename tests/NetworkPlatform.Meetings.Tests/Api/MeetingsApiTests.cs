using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Errors;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>The gRPC API end to end: Grpc.AspNetCore, the real SQLite adapter, and the groups service as a gRPC peer.</summary>
public class MeetingsApiTests
{
    private static readonly DateTime Deadline = DateTime.UtcNow.AddMinutes(1);

    private static Proto.ScheduleMeetingRequest StartUp() => Requests.Schedule(Proto.MeetingKind.StartUp, DateTimeOffset.UtcNow.AddDays(14));

    [Fact]
    public async Task scheduling_over_grpc_answers_the_meeting_with_the_standard_agenda()
    {
        await using var server = await MeetingsServer.StartAsync();

        var meeting = await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Kari, Deadline);
        var read = await server.Meetings.GetMeetingAsync(new Proto.GetMeetingRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.MeetingId }, server.Kari, Deadline);

        Assert.Equal(Proto.MeetingStatus.Planned, read.Status);
        Assert.Equal("Elect the leader", read.Agenda[0].Title);
        Assert.Equal("1", read.Etag);
        Assert.Equal("Start-up meeting: Digital mobbing", read.Title);
        Assert.All(server.Groups.AuthorizationHeaders, header => Assert.Equal(server.Kari.GetValue("authorization"), header));
        Assert.NotEmpty(server.Groups.AuthorizationHeaders);
    }

    [Fact]
    public async Task invitations_over_grpc_list_the_groups_participants_and_copy_the_secretariat()
    {
        await using var server = await MeetingsServer.StartAsync();
        var meeting = await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Secretariat, Deadline);

        var invited = await server.Meetings.SendInvitationsAsync(new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.MeetingId, Etag = meeting.Etag },
            server.Secretariat, Deadline);

        Assert.Equal(Proto.MeetingStatus.Invited, invited.Status);
        Assert.Equal(["p-kari", "p-ola"], invited.Invitations.Where(i => i.Copy == Proto.CopyKind.To).Select(i => i.Recipient.PersonId));
        var copy = Assert.Single(invited.Invitations, i => i.Copy == Proto.CopyKind.Cc);
        Assert.Equal((Proto.RecipientKind.Secretariat, "post@partnerskapmotmobbing.no"), (copy.Recipient.Kind, copy.Recipient.Email));
    }

    [Fact]
    public async Task invitees_addresses_are_shown_only_to_the_secretariat_the_groups_organisers_the_person_and_their_organisation()
    {
        await using var server = await MeetingsServer.StartAsync();
        var meeting = await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Secretariat, Deadline);
        await server.Meetings.SendInvitationsAsync(new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.MeetingId, Etag = meeting.Etag }, server.Secretariat, Deadline);

        async Task<string[]> AddressesSeenBy(Metadata caller)
        {
            var read = await server.Meetings.GetMeetingAsync(new Proto.GetMeetingRequest { NetworkId = MeetingsFixture.Network,
                MeetingId = meeting.MeetingId }, caller, Deadline);
            return [.. read.Invitations.Where(i => !i.Recipient.PersonalDataRedacted).Select(i => i.Recipient.Email)];
        }

        const string Kari = "kari@bergen.kommune.no", Ola = "ola@udir.no", Secretariat = "post@partnerskapmotmobbing.no";
        Assert.Equal([Kari, Ola, Secretariat], await AddressesSeenBy(server.Secretariat));
        Assert.Equal([Kari, Ola, Secretariat], await AddressesSeenBy(server.Kari));
        Assert.Equal([Ola, Secretariat], await AddressesSeenBy(server.Token("u-ola", MeetingsFixture.Network, "p-ola",
            Roles.Representative)));
        Assert.Equal([Ola, Secretariat], await AddressesSeenBy(server.OrganisationToken("c-udir", "org-udir", Roles.PartnerSystem)));
        Assert.Equal([Secretariat], await AddressesSeenBy(server.Token("u-reader", MeetingsFixture.Network, "p-reader",
            Roles.DashboardReader)));

        var listed = await server.Meetings.ListMeetingsAsync(new Proto.ListMeetingsRequest { NetworkId = MeetingsFixture.Network },
            server.Token("u-reader", MeetingsFixture.Network, "p-reader", Roles.DashboardReader), Deadline);
        var participants = Assert.Single(listed.Meetings).Invitations.Where(i => i.Recipient.Kind == Proto.RecipientKind.Participant);
        Assert.All(participants, i => Assert.Equal(("", true), (i.Recipient.Email, i.Recipient.PersonalDataRedacted)));
        Assert.Equal(["Kari Nordmann", "Ola Hansen"], participants.Select(i => i.Recipient.DisplayName));
    }

    [Fact]
    public async Task invitations_copy_the_groups_contact_address_beside_the_secretariat()
    {
        await using var server = await MeetingsServer.StartAsync();
        server.Groups.ContactEmail = "digital@partnerskapmotmobbing.no";
        var meeting = await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Secretariat, Deadline);

        var invited = await server.Meetings.SendInvitationsAsync(new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.MeetingId, Etag = meeting.Etag }, server.Secretariat, Deadline);

        var copies = invited.Invitations.Where(i => i.Copy == Proto.CopyKind.Cc).Select(i => (i.Recipient.Kind, i.Recipient.Email));
        Assert.Equal([(Proto.RecipientKind.Secretariat, "post@partnerskapmotmobbing.no"),
            (Proto.RecipientKind.GroupContact, "digital@partnerskapmotmobbing.no")], copies);
    }

    [Fact]
    public async Task bad_input_gets_invalid_argument_with_field_violations()
    {
        await using var server = await MeetingsServer.StartAsync();
        var request = StartUp();
        request.Meeting.VideoLink = "not a link";

        var error = await Assert.ThrowsAsync<RpcException>(async () => await server.Meetings.ScheduleMeetingAsync(request, server.Kari, Deadline));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = error.GetRpcStatus()!.Details.Single(d => d.Is(Google.Rpc.BadRequest.Descriptor)).Unpack<Google.Rpc.BadRequest>().FieldViolations.Single();
        Assert.Equal("meeting.video_link", violation.Field);
    }

    [Fact]
    public async Task callers_without_a_token_of_the_network_are_turned_away()
    {
        await using var server = await MeetingsServer.StartAsync();
        var get = new Proto.GetMeetingRequest { NetworkId = MeetingsFixture.Network, MeetingId = "mtg-x" };

        var anonymous = await Assert.ThrowsAsync<RpcException>(async () => await server.Meetings.GetMeetingAsync(get, deadline: Deadline));
        var malformed = await Assert.ThrowsAsync<RpcException>(async () => await server.Meetings.GetMeetingAsync(get, new Metadata { { "authorization", "Bearer nonsense" } }, Deadline));
        var otherNetwork = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Meetings.GetMeetingAsync(get, server.Token("u-x", "n-other", "p-x", "secretariat"), Deadline));
        var representative = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Token("u-ola", MeetingsFixture.Network, "p-ola", "representative"), Deadline));

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, malformed.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, otherNetwork.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, representative.StatusCode);
    }

    [Fact]
    public async Task unknown_meetings_and_lifecycle_violations_get_not_found_and_failed_precondition()
    {
        await using var server = await MeetingsServer.StartAsync();
        var meeting = await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Kari, Deadline);

        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Meetings.GetMeetingAsync(new Proto.GetMeetingRequest { NetworkId = MeetingsFixture.Network, MeetingId = "mtg-nope" }, server.Kari, Deadline));
        var early = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Meetings.ApproveMinutesAsync(new Proto.ApproveMinutesRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.MeetingId }, server.Kari, Deadline));

        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        var info = early.GetRpcStatus()!.Details.Single(d => d.Is(Google.Rpc.ErrorInfo.Descriptor)).Unpack<Google.Rpc.ErrorInfo>();
        Assert.Equal("MINUTES_NOT_DRAFTED", info.Reason);
    }

    [Fact]
    public async Task the_partner_calendar_serves_a_valid_feed_and_the_compliance_of_each_group()
    {
        await using var server = await MeetingsServer.StartAsync();
        await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Kari, Deadline);

        var feed = await server.Calendar.GetCalendarFeedAsync(new Proto.GetCalendarFeedRequest { NetworkId = MeetingsFixture.Network, GroupId = "g-digital" }, server.Kari, Deadline);
        var compliance = await server.Calendar.GetCadenceComplianceAsync(new Proto.GetCadenceComplianceRequest { NetworkId = MeetingsFixture.Network }, server.Kari, Deadline);
        var entries = await server.Calendar.ListCalendarEntriesAsync(new Proto.ListCalendarEntriesRequest
        {
            NetworkId = MeetingsFixture.Network,
            StartTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow),
            EndTime = Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddDays(30)),
        }, server.Kari, Deadline);

        Assert.Single(PythonIcalendar.Check(feed.Content).GetProperty("events").EnumerateArray());
        var group = Assert.Single(compliance.Groups);
        Assert.Equal("Digital mobbing", group.DisplayName);
        Assert.Contains(group.Requirements, r => r.Kind == Proto.CadenceRequirementKind.Reporting);
        Assert.Equal(Proto.MeetingKind.StartUp, Assert.Single(entries.Entries).MeetingKind);
    }

    [Fact]
    public async Task agenda_items_name_only_measures_of_the_action_plan_and_feeds_only_known_groups()
    {
        await using var server = await MeetingsServer.StartAsync();
        var meeting = await server.Meetings.ScheduleMeetingAsync(StartUp(), server.Kari, Deadline);
        Proto.AddAgendaItemRequest Item(params string[] measureIds) => new()
        {
            NetworkId = MeetingsFixture.Network, MeetingId = meeting.MeetingId,
            Item = new Proto.AgendaItem { Title = "Oppfølging av tiltak", DurationMinutes = 15, MeasureIds = { measureIds } },
        };

        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Meetings.AddAgendaItemAsync(Item("tiltak-1", "tiltak-typo"), server.Kari, Deadline));
        var tooMany = await Assert.ThrowsAsync<RpcException>(async () => await server.Meetings.AddAgendaItemAsync(
            Item([.. Enumerable.Range(0, 1000).Select(i => $"tiltak-x{i}")]), server.Kari, Deadline));
        var unknownGroup = await Assert.ThrowsAsync<RpcException>(async () => await server.Calendar.GetCalendarFeedAsync(
            new Proto.GetCalendarFeedRequest { NetworkId = MeetingsFixture.Network, GroupId = "g-typo" }, server.Kari, Deadline));
        var unchanged = await server.Meetings.GetMeetingAsync(
            new Proto.GetMeetingRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.MeetingId }, server.Kari, Deadline);
        var added = await server.Meetings.AddAgendaItemAsync(Item("tiltak-1", "tiltak-2"), server.Kari, Deadline);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal($"networks/{MeetingsFixture.Network}/measures/tiltak-typo",
            unknown.GetDetail<Google.Rpc.ResourceInfo>()!.ResourceName);
        Assert.Equal(StatusCode.InvalidArgument, tooMany.StatusCode);
        Assert.Equal("item.measure_ids", Assert.Single(tooMany.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
        Assert.Equal(StatusCode.NotFound, unknownGroup.StatusCode);
        Assert.Equal(meeting.Agenda.Count, unchanged.Agenda.Count);
        Assert.Equal(["tiltak-1", "tiltak-2"], added.Agenda.Last().MeasureIds);
    }

    [Fact]
    public async Task requests_of_a_network_that_was_never_created_are_not_found()
    {
        await using var server = await MeetingsServer.StartAsync();
        var stranger = server.Token("u-secretariat", "never-created", "p-sekretariat", "secretariat");
        var request = StartUp();
        request.NetworkId = "never-created";

        var schedule = await Assert.ThrowsAsync<RpcException>(async () =>
            await server.Meetings.ScheduleMeetingAsync(request, stranger, Deadline));
        var list = await Assert.ThrowsAsync<RpcException>(async () => await server.Meetings.ListMeetingsAsync(
            new Proto.ListMeetingsRequest { NetworkId = "never-created" }, stranger, Deadline));

        Assert.Equal(StatusCode.NotFound, schedule.StatusCode);
        Assert.Equal("networks/never-created", schedule.GetDetail<Google.Rpc.ResourceInfo>()!.ResourceName);
        Assert.Equal(StatusCode.NotFound, list.StatusCode);
    }
}
