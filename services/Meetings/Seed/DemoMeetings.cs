using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Meetings.Seed;

/// <summary>
/// The demo network's year of meetings for `make run`, seeded after the groups: the secretariat's address, deadlines,
/// the spring and autumn partner meetings, and per working group a start-up meeting, an interim meeting before each
/// partner meeting and a reporting meeting. Meetings already past are held, with attendance, decisions and published
/// minutes; the last group skips its autumn interim meeting, so cadence compliance has a gap to show. Goes through the
/// use cases, so every step emits its events. A network whose meeting settings exist is left alone.
/// </summary>
public static class DemoMeetings
{
    /// <summary>The partnership of seed 003 (the id the membership seed gives it).</summary>
    public const string Partnership = "partnerskap-mot-mobbing";

    /// <summary>
    /// For the standalone host: <paramref name="authorization"/> ("Bearer ...", a secretariat token of the network)
    /// lets the seed read the groups from the groups service, as a call would.
    /// </summary>
    public static Task SeedAsync(IServiceProvider services, string networkId, string authorization, CancellationToken cancellationToken)
    {
        var groups = new GrpcGroupDirectory(services.GetRequiredService<GroupsService.GroupsServiceClient>(),
            services.GetRequiredService<ActionPlanService.ActionPlanServiceClient>(), null, authorization);
        var clock = services.GetRequiredService<TimeProvider>();
        var languages = new GrpcNetworkLanguages(services.GetRequiredService<NetworkService.NetworkServiceClient>(), clock, null,
            authorization);
        var context = new MeetingsContext(services.GetRequiredService<MeetingsContext>().Store, groups, languages, clock);
        return SeedAsync(context, networkId, cancellationToken);
    }

    public static async Task SeedAsync(MeetingsContext context, string networkId, CancellationToken cancellationToken)
    {
        if (await context.Database.GetSettingsAsync(networkId, cancellationToken) is not null)
        {
            return;
        }
        var seed = new DemoYear(context, networkId, cancellationToken);
        await seed.SettingsAsync();
        var year = TimeZoneInfo.ConvertTime(context.Now, seed.Zone).Year;
        await seed.DeadlineAsync("Søknadsfrist Partnerpotten (vår)", year, 3, 1);
        await seed.DeadlineAsync("Søknadsfrist Partnerpotten (høst)", year, 9, 1);
        await seed.DeadlineAsync("Frist for rapportering på tiltak og regnskap", year, 12, 1);

        var groups = await context.Groups.ListGroupsAsync(networkId, cancellationToken);
        if (groups.FirstOrDefault(g => g.Kind == "PartnerMeeting") is { } partnerMeeting)
        {
            await seed.MeetingAsync(partnerMeeting, MeetingKind.PartnerMeeting, "Partnermøte (vår)", year, 4, 15, hours: 5);
            await seed.MeetingAsync(partnerMeeting, MeetingKind.PartnerMeeting, "Partnermøte (høst)", year, 10, 14, hours: 5);
        }
        var working = groups.Where(g => g.IsWorkingBody && g.IsActive).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < working.Count; i++)
        {
            var group = working[i];
            await seed.MeetingAsync(group, MeetingKind.StartUp, $"Oppstartsmøte {group.Name}", year, 1, 20 + i, withMinutes: true);
            await seed.MeetingAsync(group, MeetingKind.Interim, "Underveismøte før vårens partnermøte", year, 3, 25 + (i % 5),
                withMinutes: true);
            if (i < working.Count - 1 || working.Count == 1)
            {
                await seed.MeetingAsync(group, MeetingKind.Interim, "Underveismøte før høstens partnermøte", year, 9, 28 + (i % 3));
            }
            await seed.MeetingAsync(group, MeetingKind.Reporting, $"Rapporteringsmøte {group.Name}", year, 11, 25 + (i % 5));
        }
    }

    private sealed class DemoYear(MeetingsContext context, string networkId, CancellationToken ct)
    {
        private readonly Caller secretariat = new("demo-seed", networkId, null, null, new HashSet<string> { Roles.Secretariat });

        public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(NetworkSettings.DefaultTimeZone);

        public Task SettingsAsync() => new UpdateMeetingSettings(context).RunAsync(new UpdateMeetingSettingsCommand(networkId, "",
            ["secretariat"],
            "", new Secretariat("Sekretariatet, Partnerskap mot mobbing", "post@partnerskapmotmobbing.example"), [], [],
                CadencePolicy.Default, 0, 0),
            secretariat, ct);

        public Task DeadlineAsync(string title, int year, int month,
            int day) => new CreateDeadline(context).RunAsync(new CreateDeadlineCommand(
            networkId, $"demo-{year}-{month:00}-{day:00}", title, "", Local(year, month, day, 23, 59), "", ""), secretariat, ct);

        /// <summary>Schedules and invites; a meeting already over is held: attendance, typed decisions, an action item, minutes.</summary>
        public async Task MeetingAsync(GroupInfo group, MeetingKind kind, string title, int year, int month, int day, int hours = 2,
            bool withMinutes = false)
        {
            var start = Local(year, month, day, 10, 0);
            var scheduled = (await new ScheduleMeeting(context).RunAsync(new ScheduleMeetingCommand(networkId, "",
                $"demo-{group.GroupId}-{year}-{month:00}-{day:00}", group.GroupId, kind, title, start, start.AddHours(hours), "",
                kind == MeetingKind.PartnerMeeting ? "Fjordvik rådhus, bystyresalen" : "",
                kind == MeetingKind.PartnerMeeting ? "" : $"https://meet.example/{group.GroupId}"), secretariat, ct)).Meeting.Document;
            var id = scheduled.Id;
            await new SendInvitations(context).RunAsync(new SendInvitationsCommand(networkId, id, "", ""), secretariat, ct);
            if (scheduled.End > context.Now || group.Participants.Count == 0)
            {
                return;
            }

            // What happened in a past meeting is recorded as of its end, and its minutes a few days later, so the demo's
            // documentation figures (days from meeting to minutes) look like a real year rather than "published today".
            var atMeeting = context.AsOf(new FixedClock(scheduled.End));
            var afterMeeting = context.AsOf(new FixedClock(Min(scheduled.End.AddDays(2 + day % 5), context.Now)));
            var attendance = group.Participants.Select((p, i) => new AttendanceInput(p.PersonId, "",
                i == group.Participants.Count - 1 && group.Participants.Count > 2 ? AttendanceStatus.Excused
                    : AttendanceStatus.Present)).ToList();
            await new RecordAttendance(atMeeting).RunAsync(new RecordAttendanceCommand(networkId, id, "", attendance), secretariat, ct);
            foreach (var decision in Decisions(group, kind, scheduled))
            {
                await new RecordDecision(atMeeting).RunAsync(decision with { NetworkId = networkId, MeetingId = id }, secretariat, ct);
            }
            if (kind == MeetingKind.Interim && group.Participants.Count > 0)
            {
                var due = DateOnly.FromDateTime(start.AddDays(14).UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await new CreateActionItem(atMeeting).RunAsync(new CreateActionItemCommand(networkId, id, $"demo-{id}",
                    "Sende innspill til partnermøtet",
                    group.Participants[^1].PersonId, "", due), secretariat, ct);
            }
            await new GenerateMinutesDraft(atMeeting).RunAsync(new GenerateMinutesDraftCommand(networkId, id, ""), secretariat, ct);
            if (withMinutes)
            {
                await new ApproveMinutes(afterMeeting).RunAsync(new ApproveMinutesCommand(networkId, id, ""), secretariat, ct);
                await new PublishMinutes(afterMeeting).RunAsync(new PublishMinutesCommand(networkId, id, ""), secretariat, ct);
            }
        }

        /// <summary>The decisions of a demo meeting (network and meeting filled in by the caller).</summary>
        private static IEnumerable<RecordDecisionCommand> Decisions(GroupInfo group, MeetingKind kind, Meeting meeting)
        {
            var leader = group.Participants.FirstOrDefault(p => p.Role == "leader") ?? group.Participants[0];
            var budget = group.Participants.FirstOrDefault(p => p.Role == "budget_responsible") ?? leader;
            RecordDecisionCommand Decision(DecisionKind decisionKind, string text, int agendaItem, string personId = "") =>
                new("", "", "", decisionKind, text, personId, "", "", "", meeting.Agenda[agendaItem].Id);
            switch (kind)
            {
                case MeetingKind.StartUp:
                    yield return Decision(DecisionKind.LeaderElected, $"{leader.Name} er valgt til leder.", 0, leader.PersonId);
                    yield return Decision(DecisionKind.BudgetResponsibleElected, $"{budget.Name} er valgt til budsjettansvarlig.", 1,
                        budget.PersonId);
                    yield return Decision(DecisionKind.FreeText, "Årshjulet for året er vedtatt.", 3);
                    break;
                case MeetingKind.Interim:
                    yield return Decision(DecisionKind.ReferredToPartnerMeeting,
                        "Forslag om felles kampanjeuke meldes inn som sak til partnermøtet.", 2);
                    // The group applies; the partner meeting decides (a FUND_APPLICATION_APPROVED decision names the application).
                    yield return Decision(DecisionKind.FreeText,
                        "Gruppen søker Partnerpotten om 25 000 kroner til foreldremøter.", 1);
                    break;
            }
        }

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        private DateTimeOffset Local(int year, int month, int day, int hour, int minute)
        {
            var local = new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), hour, minute, 0,
                DateTimeKind.Unspecified);
            return new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
