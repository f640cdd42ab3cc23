using NetworkPlatform.Events.Meetings;
using Grpc.Core;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Meetings.Consumers;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

public class MeetingFeaturesTests
{
    [Fact]
    public async Task scheduling_a_startup_meeting_stores_the_standard_agenda_and_publishes_meeting_scheduled()
    {
        await using var fixture = await MeetingsFixture.StartAsync();

        var scheduled = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.StartUp, Samples.Local(2026,
            1, 20)), MeetingsFixture.Kari, default);

        var stored = await fixture.Database.GetMeetingAsync(MeetingsFixture.Network, scheduled.Document.Id, default);
        Assert.Equal("Elect the leader", stored.Document.Agenda[0].Title);
        Assert.Equal(5, stored.Document.Agenda.Count);
        Assert.Equal("Europe/Oslo", stored.Document.TimeZone);
        var published = Assert.Single(await fixture.EventsAsync<MeetingScheduled>());
        Assert.Equal(("StartUp", "g-digital", stored.Version), (published.Kind, published.GroupId, published.AggregateVersion));
    }

    [Fact]
    public async Task scheduling_again_with_the_same_request_id_returns_the_first_meeting()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var schedule = fixture.Feature<ScheduleMeeting>();

        var first = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 10), requestId: "r-1"),
            MeetingsFixture.Kari, default);
        var again = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 10), requestId: "r-1"),
            MeetingsFixture.Kari, default);

        Assert.Equal(first.Document.Id, again.Document.Id);
        Assert.Single(await fixture.EventsAsync<MeetingScheduled>());
    }

    [Fact]
    public async Task a_leader_of_another_group_may_not_schedule_for_this_one()
    {
        await using var fixture = await MeetingsFixture.StartAsync();

        var error = await UseCaseCalls.StatusOfAsync(() =>
            fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 10)),
                MeetingsFixture.Per, default));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task bad_input_is_answered_with_every_field_violation()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var request = Requests.Schedule(Proto.MeetingKind.Unspecified, Samples.Local(2026, 3, 10));
        request.Meeting.EndTime = request.Meeting.StartTime;
        request.Meeting.TimeZone = "Mars/Olympus";
        request.Meeting.GroupId = "";

        var error = await UseCaseCalls.StatusOfAsync(() => fixture.Feature<ScheduleMeeting>().RunAsync(request,
            MeetingsFixture.Secretariat, default));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var fields = error.GetRpcStatus()!.Details.Where(d => d.Is(Google.Rpc.BadRequest.Descriptor)).Select(d =>
            d.Unpack<Google.Rpc.BadRequest>()).Single().FieldViolations.Select(v => v.Field);
        Assert.Equal(["meeting.group_id", "meeting.kind", "meeting.end_time", "meeting.time_zone"], fields);
    }

    [Fact]
    public async Task invitations_go_to_the_participants_with_the_secretariat_copied_and_carry_a_valid_ics()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.StartUp, Samples.Local(2026,
            1, 20)), MeetingsFixture.Kari, default);

        var invited = await fixture.Feature<SendInvitations>().RunAsync(
            new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.Document.Id,
                Message = "Velkommen!" }, MeetingsFixture.Kari, default);

        Assert.Equal(MeetingStatus.Invited, invited.Document.Status);
        var notice = Assert.Single(await fixture.EventsAsync<InvitationIssued>());
        Assert.Equal("Invitation", notice.Purpose);
        Assert.Equal(["p-kari", "p-ola", "p-ingrid"], notice.To.Select(r => r.PersonId));
        Assert.Equal(("Secretariat", null), (Assert.Single(notice.Cc).Kind, notice.Cc[0].PersonId));
        Assert.Contains("Velkommen!", notice.Body, StringComparison.Ordinal);
        var calendar = StrictIcsParser.Parse(notice.IcsContent);
        Assert.Equal("REQUEST", calendar.Single("METHOD").Value);
        Assert.Empty(calendar.Descendants("VEVENT").Single().All("ATTENDEE"));
        Assert.DoesNotContain("mailto:", notice.IcsContent, StringComparison.Ordinal);
        Assert.DoesNotContain("ORGANIZER", notice.IcsContent, StringComparison.Ordinal);

        // The mail carries the addresses the meetings service keeps: in its headers and as the calendar's participants.
        var sender = new CapturingSender();
        await using (var unitOfWork = await fixture.Store.BeginAsync())
        {
            await new DeliverNotices(sender, fixture.Languages).HandleAsync(notice, unitOfWork, default);
        }
        var mail = Assert.Single(sender.Sent);
        Assert.Equal(["kari@bergen.kommune.no", "ola@udir.no", ""], mail.To.Select(r => r.Email));
        Assert.Equal("post@partnerskapmotmobbing.no", Assert.Single(mail.Cc).Email);
        var sent = StrictIcsParser.Parse(mail.Calendar!.Value.Content).Descendants("VEVENT").Single();
        Assert.Equal("mailto:post@partnerskapmotmobbing.no", sent.Single("ORGANIZER").Value);
        Assert.Equal(["mailto:kari@bergen.kommune.no", "mailto:ola@udir.no", "urn:networkplatform:person:p-ingrid",
            "mailto:post@partnerskapmotmobbing.no"], sent.All("ATTENDEE").Select(a => a.Value));
    }

    [Fact]
    public async Task the_notice_to_someone_taken_off_the_list_reaches_them_though_the_meeting_forgot_the_invitation()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.StartUp, Samples.Local(2026,
            1, 20)), MeetingsFixture.Kari, default);
        await fixture.Feature<SendInvitations>().RunAsync(new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.Document.Id }, MeetingsFixture.Kari, default);

        await fixture.Feature<WithdrawInvitations>().RunAsync(new WithdrawInvitationsCommand(MeetingsFixture.Network, "g-digital",
            "p-ola"), MeetingsFixture.Secretariat, default);

        var notice = (await fixture.EventsAsync<InvitationIssued>()).Last();
        Assert.Equal(("Cancellation", "p-ola"), (notice.Purpose, Assert.Single(notice.To).PersonId));
        var sender = new CapturingSender();
        await using (var unitOfWork = await fixture.Store.BeginAsync())
        {
            await new DeliverNotices(sender, fixture.Languages).HandleAsync(notice, unitOfWork, default);
        }
        Assert.Equal("ola@udir.no", Assert.Single(Assert.Single(sender.Sent).To).Email);
    }

    [Fact]
    public async Task invitations_are_refused_until_the_network_has_a_secretariat_address()
    {
        await using var fixture = await MeetingsFixture.StartAsync(withSecretariatAddress: false);
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.StartUp, Samples.Local(2026,
            1, 20)), MeetingsFixture.Kari, default);

        var error = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.RuleViolationException>(() =>
            fixture.Feature<SendInvitations>().RunAsync(
            new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.Document.Id },
                MeetingsFixture.Kari, default));

        Assert.Equal("SECRETARIAT_ADDRESS_MISSING", error.Reason);
        Assert.Empty(await fixture.EventsAsync<InvitationIssued>());
    }

    [Fact]
    public async Task a_stale_etag_is_answered_with_aborted_and_the_current_etag()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026,
            3, 10)), MeetingsFixture.Kari, default);
        var cancel = fixture.Feature<CancelMeeting>();
        await fixture.Feature<AddAgendaItem>().RunAsync(new Proto.AddAgendaItemRequest
        {
            NetworkId = MeetingsFixture.Network, MeetingId = meeting.Document.Id, Item = new Proto.AgendaItem { Title = "Skolebesøk" },
                Etag = meeting.ETag,
        }, MeetingsFixture.Kari, default);

        var error = await UseCaseCalls.StatusOfAsync(() => cancel.RunAsync(
            new Proto.CancelMeetingRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.Document.Id, Reason = "x",
                Etag = meeting.ETag }, MeetingsFixture.Kari, default));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Contains("current etag 2", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task rescheduling_an_invited_meeting_sends_an_update_with_a_higher_sequence()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026,
            3, 24)), MeetingsFixture.Kari, default);
        await fixture.Feature<SendInvitations>().RunAsync(new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.Document.Id }, MeetingsFixture.Kari, default);

        await fixture.Feature<RescheduleMeeting>().RunAsync(new Proto.RescheduleMeetingRequest
        {
            NetworkId = MeetingsFixture.Network, MeetingId = meeting.Document.Id, Reason = "Crashes with the partner meeting",
            StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Samples.Local(2026, 3, 31)),
            EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(Samples.Local(2026, 3, 31, 12)),
        }, MeetingsFixture.Kari, default);

        var update = (await fixture.EventsAsync<InvitationIssued>()).Last();
        Assert.Equal("Update", update.Purpose);
        var vevent = StrictIcsParser.Parse(update.IcsContent).Descendants("VEVENT").Single();
        Assert.Equal("1", vevent.Single("SEQUENCE").Value);
        Assert.Equal("20260331T100000", vevent.Single("DTSTART").Value);
        var moved = Assert.Single(await fixture.EventsAsync<MeetingRescheduled>());
        Assert.Equal(Samples.Local(2026, 3, 24), moved.PreviousStart);
    }
}
