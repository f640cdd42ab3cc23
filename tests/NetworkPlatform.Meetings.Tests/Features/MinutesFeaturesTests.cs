using NetworkPlatform.Events;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Meetings.Consumers;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

public class MinutesFeaturesTests
{
    private const string Network = MeetingsFixture.Network;

    private static async Task<Versioned<Meeting>> HoldStartUpAsync(MeetingsFixture fixture)
    {
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.StartUp, Samples.Local(2026,
            1, 20)), MeetingsFixture.Kari, default);
        var id = meeting.Document.Id;
        await fixture.Feature<SendInvitations>().RunAsync(new Proto.SendInvitationsRequest { NetworkId = Network, MeetingId = id },
            MeetingsFixture.Kari, default);
        fixture.Clock.Now = Samples.Local(2026, 1, 20, 12);
        await fixture.Feature<RecordAttendance>().RunAsync(new Proto.RecordAttendanceRequest
        {
            NetworkId = Network, MeetingId = id,
            Entries =
            {
                new Proto.AttendanceEntry { PersonId = "p-kari", Status = Proto.AttendanceStatus.Present },
                new Proto.AttendanceEntry { PersonId = "p-ola", Status = Proto.AttendanceStatus.Present },
                new Proto.AttendanceEntry { PersonId = "p-ingrid", Status = Proto.AttendanceStatus.Excused },
            },
        }, MeetingsFixture.Kari, default);
        return await fixture.Feature<RecordDecision>().RunAsync(new Proto.RecordDecisionRequest
        {
            NetworkId = Network, MeetingId = id,
            Decision = new Proto.Decision { Kind = Proto.DecisionKind.LeaderElected, Text = "Kari Nordmann er valgt til leder.",
                PersonId = "p-kari", AgendaItemId = meeting.Document.Agenda[0].Id },
        }, MeetingsFixture.Kari, default);
    }

    [Fact]
    public async Task attendance_marks_the_meeting_held_and_publishes_the_quorum()
    {
        await using var fixture = await MeetingsFixture.StartAsync();

        var held = await HoldStartUpAsync(fixture);

        Assert.Equal(MeetingStatus.Held, held.Document.Status);
        var recorded = Assert.Single(await fixture.EventsAsync<AttendanceRecorded>());
        Assert.Equal((3, 2, true), (recorded.InvitedParticipants, recorded.Present, recorded.QuorumReached));
        Assert.Equal("Ola Hansen", held.Document.Attendance.Single(a => a.PersonId == "p-ola").Name);
    }

    [Fact]
    public async Task published_minutes_copy_the_secretariat_and_publish_the_decisions()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var held = await HoldStartUpAsync(fixture);
        var id = held.Document.Id;

        var drafted = await fixture.Feature<GenerateMinutesDraft>().RunAsync(new Proto.GenerateMinutesDraftRequest { NetworkId = Network,
            MeetingId = id }, MeetingsFixture.Kari, default);
        Assert.Contains("Decision: Kari Nordmann er valgt til leder.", drafted.Document.Minutes!.Text, StringComparison.Ordinal);
        Assert.Empty(await fixture.EventsAsync<DecisionRecorded>());

        await fixture.Feature<ApproveMinutes>().RunAsync(new Proto.ApproveMinutesRequest { NetworkId = Network, MeetingId = id },
            MeetingsFixture.Kari, default);
        var published = await fixture.Feature<PublishMinutes>().RunAsync(new Proto.PublishMinutesRequest { NetworkId = Network,
            MeetingId = id }, MeetingsFixture.Secretariat, default);

        Assert.Equal(MinutesStatus.Published, published.Document.Minutes!.Status);
        var minutes = Assert.Single(await fixture.EventsAsync<MinutesPublished>());
        Assert.Contains(minutes.Cc, r => r.Kind == "Secretariat" && r.PersonId is null);
        Assert.Equal(3, minutes.To.Count);
        var decision = Assert.Single(await fixture.EventsAsync<DecisionRecorded>());
        Assert.Equal((NetworkPlatform.Events.Meetings.DecisionKind.LeaderElected, "p-kari", "g-digital"), (decision.Kind,
            decision.PersonId, decision.GroupId));
    }

    [Fact]
    public async Task measure_status_decisions_speak_the_one_status_vocabulary_and_read_the_former_words()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var id = (await HoldStartUpAsync(fixture)).Document.Id;
        Task<Versioned<Meeting>> Decide(Proto.Decision decision) => fixture.Feature<RecordDecision>().RunAsync(
            new Proto.RecordDecisionRequest { NetworkId = Network, MeetingId = id, Decision = decision }, MeetingsFixture.Kari, default);

        await Decide(new Proto.Decision { Kind = Proto.DecisionKind.MeasureStatus, Text = "Kampanjen er forsinket.", MeasureId = "tiltak-1",
            MeasureStatus = NetworkPlatform.Common.V1.MeasureStatus.Late });
        var former = await Decide(new Proto.Decision { Kind = Proto.DecisionKind.MeasureStatus, Text = "Kurset er i gang.",
            MeasureId = "tiltak-2", MeasureStatusName = "InProgress" });
        var refused = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.InvalidFieldsException>(() => Decide(
            new Proto.Decision { Kind = Proto.DecisionKind.MeasureStatus, Text = "I rute.", MeasureId = "tiltak-1",
                MeasureStatusName = "on_track" }));
        var unknown = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.NotFoundException>(() => Decide(
            new Proto.Decision { Kind = Proto.DecisionKind.MeasureStatus, Text = "Ferdig.", MeasureId = "tiltak-9",
                MeasureStatus = NetworkPlatform.Common.V1.MeasureStatus.Done }));

        Assert.Equal([MeasureStatus.Late, MeasureStatus.OnTrack],
            former.Document.Decisions.Where(d => d.MeasureId is not null).Select(d => d.MeasureStatus));
        Assert.Equal((NetworkPlatform.Common.V1.MeasureStatus.OnTrack, "OnTrack"), (ProtoMapping.ToProto(former.Document.Decisions[^1])
            .MeasureStatus, ProtoMapping.ToProto(former.Document.Decisions[^1]).MeasureStatusName));
        Assert.Equal("decision.measure_status", Assert.Single(refused.Violations).Field);
        Assert.Equal("networkplatform.groups.v1.Measure", unknown.ResourceType);
        await fixture.Feature<GenerateMinutesDraft>().RunAsync(new Proto.GenerateMinutesDraftRequest { NetworkId = Network,
            MeetingId = id }, MeetingsFixture.Kari, default);
        await fixture.Feature<ApproveMinutes>().RunAsync(new Proto.ApproveMinutesRequest { NetworkId = Network, MeetingId = id },
            MeetingsFixture.Kari, default);
        await fixture.Feature<PublishMinutes>().RunAsync(new Proto.PublishMinutesRequest { NetworkId = Network, MeetingId = id },
            MeetingsFixture.Secretariat, default);
        Assert.Equal(["Late", "OnTrack"], (await fixture.EventsAsync<DecisionRecorded>())
            .Where(d => d.Kind == NetworkPlatform.Events.Meetings.DecisionKind.MeasureStatus).Select(d => d.MeasureStatus));
    }

    [Fact]
    public async Task a_fund_decision_names_an_open_application_of_reportings_and_is_published_with_its_accounts()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var id = (await HoldStartUpAsync(fixture)).Document.Id;
        var applications = new FollowFundApplications();
        await using (var unitOfWork = await fixture.Store.BeginAsync())
        {
            await applications.HandleAsync(new FundApplicationSubmitted(Guid.NewGuid(), fixture.Clock.Now, Network, "g-skole/2026", 2,
                "g-skole", 2026, "app-1", "Kurs", 15000m, "p-per"), unitOfWork, default);
            await applications.HandleAsync(new FundApplicationDecided(Guid.NewGuid(), fixture.Clock.Now, Network, "g-skole/2026", 4,
                "g-skole", 2026, "app-2", false, 0m, "secretariat"), unitOfWork, default);
            await applications.HandleAsync(new FundApplicationSubmitted(Guid.NewGuid(), fixture.Clock.Now, Network, "g-skole/2026", 3,
                "g-skole", 2026, "app-2", "Reise", 5000m, "p-per"), unitOfWork, default);
            await unitOfWork.CommitAsync();
        }
        Task<Versioned<Meeting>> Decide(Proto.Decision decision) => fixture.Feature<RecordDecision>().RunAsync(
            new Proto.RecordDecisionRequest { NetworkId = Network, MeetingId = id, Decision = decision }, MeetingsFixture.Kari, default);
        Proto.Decision Approve(string applicationId) => new()
        {
            Kind = Proto.DecisionKind.FundApplicationApproved, Text = "Innvilget 12 000 kr fra Partnerpotten.", Amount = "12000.00",
            FundApplicationId = applicationId,
        };

        var missing = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.InvalidFieldsException>(() => Decide(
            new Proto.Decision { Kind = Proto.DecisionKind.FundApplicationApproved, Text = "Innvilget.", Amount = "12000.00" }));
        var unknown = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.NotFoundException>(() => Decide(Approve("app-9")));
        var decided = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.RuleViolationException>(() => Decide(Approve("app-2")));
        await Decide(Approve("app-1"));
        var twice = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.RuleViolationException>(() => Decide(
            new Proto.Decision { Kind = Proto.DecisionKind.FundApplicationRejected, Text = "Avslått.", FundApplicationId = "app-1" }));
        await fixture.Feature<GenerateMinutesDraft>().RunAsync(new Proto.GenerateMinutesDraftRequest { NetworkId = Network,
            MeetingId = id }, MeetingsFixture.Kari, default);
        await fixture.Feature<ApproveMinutes>().RunAsync(new Proto.ApproveMinutesRequest { NetworkId = Network, MeetingId = id },
            MeetingsFixture.Kari, default);
        var published = await fixture.Feature<PublishMinutes>().RunAsync(new Proto.PublishMinutesRequest { NetworkId = Network,
            MeetingId = id }, MeetingsFixture.Secretariat, default);

        Assert.Equal("decision.fund_application_id", Assert.Single(missing.Violations).Field);
        Assert.Equal(("networkplatform.reporting.v1.FundApplication", $"networks/{Network}/fundApplications/app-9"),
            (unknown.ResourceType, unknown.Name));
        Assert.Equal(["FUND_APPLICATION_ALREADY_DECIDED", "FUND_APPLICATION_ALREADY_DECIDED"], [decided.Reason, twice.Reason]);
        Assert.Equal("app-1", ProtoMapping.ToProto(published.Document.Decisions[^1]).FundApplicationId);
        var fund = Assert.Single(await fixture.EventsAsync<DecisionRecorded>(),
            d => d.Kind == NetworkPlatform.Events.Meetings.DecisionKind.FundApplicationApproved);
        Assert.Equal(("app-1", "g-skole", 2026, 12000m), (fund.FundApplicationId, fund.ApplicationGroupId, fund.ApplicationYear,
            fund.Amount));
    }

    [Fact]
    public async Task minutes_cannot_be_published_before_they_are_approved()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var held = await HoldStartUpAsync(fixture);
        await fixture.Feature<GenerateMinutesDraft>().RunAsync(new Proto.GenerateMinutesDraftRequest { NetworkId = Network,
            MeetingId = held.Document.Id }, MeetingsFixture.Kari, default);

        var error = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.RuleViolationException>(() =>
            fixture.Feature<PublishMinutes>().RunAsync(new Proto.PublishMinutesRequest { NetworkId = Network,
                MeetingId = held.Document.Id }, MeetingsFixture.Kari, default));

        Assert.Equal("MINUTES_DRAFT", error.Reason);
        Assert.Empty(await fixture.EventsAsync<MinutesPublished>());
    }

    [Fact]
    public async Task the_secretariat_backfills_minutes_with_their_real_publication_date_and_nobody_is_mailed_again()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var id = (await HoldStartUpAsync(fixture)).Document.Id;
        await fixture.Feature<GenerateMinutesDraft>().RunAsync(new Proto.GenerateMinutesDraftRequest { NetworkId = Network,
            MeetingId = id }, MeetingsFixture.Kari, default);
        await fixture.Feature<ApproveMinutes>().RunAsync(new Proto.ApproveMinutesRequest { NetworkId = Network, MeetingId = id },
            MeetingsFixture.Kari, default);
        fixture.Clock.Now = Samples.Local(2026, 11, 1);
        Proto.PublishMinutesRequest Backfill(DateTimeOffset at) => new() { NetworkId = Network, MeetingId = id,
            BackfilledPublishTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at) };

        await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.PermissionDeniedException>(() =>
            fixture.Feature<PublishMinutes>().RunAsync(Backfill(Samples.Local(2026, 1, 27)), MeetingsFixture.Kari, default));
        foreach (var outside in new[] { Samples.Local(2026, 1, 19), Samples.Local(2026, 11, 2) })
        {
            var invalid = await Assert.ThrowsAsync<NetworkPlatform.Application.Failures.InvalidFieldsException>(() =>
                fixture.Feature<PublishMinutes>().RunAsync(Backfill(outside), MeetingsFixture.Secretariat, default));
            Assert.Equal("backfilled_publish_time", Assert.Single(invalid.Violations).Field);
        }
        var published = await fixture.Feature<PublishMinutes>().RunAsync(Backfill(Samples.Local(2026, 1, 27)),
            MeetingsFixture.Secretariat, default);

        Assert.Equal(Samples.Local(2026, 1, 27), published.Document.Minutes!.PublishedAt);
        var minutes = Assert.Single(await fixture.EventsAsync<MinutesPublished>());
        Assert.Equal(Samples.Local(2026, 1, 27), minutes.BackfilledAt);
        var sender = new CapturingSender();
        await using (var unitOfWork = await fixture.Store.BeginAsync())
        {
            await new Consumers.DeliverNotices(sender, fixture.Languages).HandleAsync(minutes, unitOfWork, default);
        }
        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task open_action_items_carry_over_to_the_groups_next_meeting_until_done()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var held = await HoldStartUpAsync(fixture);
        var created = await fixture.Feature<CreateActionItem>().RunAsync(new Proto.CreateActionItemRequest
        {
            NetworkId = Network, MeetingId = held.Document.Id,
            ActionItem = new Proto.ActionItem { Title = "Lage årshjul", OwnerPersonId = "p-ola", DueDate = "2026-02-15" },
        }, MeetingsFixture.Kari, default);
        Assert.Equal("Ola Hansen", created.Document.OwnerName);
        Assert.Single(await fixture.EventsAsync<ActionItemCreated>());

        var next = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3,
            10)), MeetingsFixture.Kari, default);
        Assert.Equal([created.Document.Id], next.Document.CarriedOverActionItemIds);
        Assert.Contains("Lage årshjul", next.Document.Agenda[^1].Description, StringComparison.Ordinal);

        await fixture.Feature<CompleteActionItem>().RunAsync(new Proto.CompleteActionItemRequest { NetworkId = Network,
            ActionItemId = created.Document.Id },
            MeetingsFixture.Kari with { PersonId = "p-ola", Roles = new HashSet<string>() }, default);
        var after = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 9,
            10)), MeetingsFixture.Kari, default);
        Assert.Empty(after.Document.CarriedOverActionItemIds);
        Assert.Single(await fixture.EventsAsync<ActionItemCompleted>());
    }
}
