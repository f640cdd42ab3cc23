using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Seeding;

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
        var groups = new GrpcGroupDirectory(services.GetRequiredService<GroupsService.GroupsServiceClient>(), null, authorization);
        var context = new MeetingsContext(services.GetRequiredService<MeetingsDatabase>(), groups, services.GetRequiredService<TimeProvider>());
        return SeedAsync(context, networkId, cancellationToken);
    }

    public static async Task SeedAsync(MeetingsContext context, string networkId, CancellationToken cancellationToken)
    {
        if (await context.Database.GetSettingsAsync(networkId, cancellationToken) is not null)
        {
            return;
        }
        var seed = new Seed(context, networkId, cancellationToken);
        await seed.SettingsAsync();
        var year = TimeZoneInfo.ConvertTime(context.Now, seed.Zone).Year;
        await seed.DeadlineAsync("Søknadsfrist Partnerpotten (vår)", year, 3, 1);
        await seed.DeadlineAsync("Søknadsfrist Partnerpotten (høst)", year, 9, 1);
        await seed.DeadlineAsync("Frist for rapportering på tiltak og regnskap", year, 12, 1);

        var groups = await context.Groups.ListGroupsAsync(networkId, cancellationToken);
        if (groups.FirstOrDefault(g => g.Kind == "PartnerMeeting") is { } partnerMeeting)
        {
            await seed.MeetingAsync(partnerMeeting, Proto.MeetingKind.PartnerMeeting, "Partnermøte (vår)", year, 4, 15, hours: 5);
            await seed.MeetingAsync(partnerMeeting, Proto.MeetingKind.PartnerMeeting, "Partnermøte (høst)", year, 10, 14, hours: 5);
        }
        var working = groups.Where(g => g.IsWorkingBody && g.IsActive).OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < working.Count; i++)
        {
            var group = working[i];
            await seed.MeetingAsync(group, Proto.MeetingKind.StartUp, $"Oppstartsmøte {group.Name}", year, 1, 20 + i, withMinutes: true);
            await seed.MeetingAsync(group, Proto.MeetingKind.Interim, $"Underveismøte før vårens partnermøte", year, 3, 25 + (i % 5), withMinutes: true);
            if (i < working.Count - 1 || working.Count == 1)
            {
                await seed.MeetingAsync(group, Proto.MeetingKind.Interim, $"Underveismøte før høstens partnermøte", year, 9, 28 + (i % 3));
            }
            await seed.MeetingAsync(group, Proto.MeetingKind.Reporting, $"Rapporteringsmøte {group.Name}", year, 11, 25 + (i % 5));
        }
    }

    private sealed class Seed(MeetingsContext context, string networkId, CancellationToken ct)
    {
        private readonly Caller secretariat = new("demo-seed", networkId, null, null, new HashSet<string> { Roles.Secretariat });

        public TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(NetworkSettings.DefaultTimeZone);

        public Task SettingsAsync() => new UpdateMeetingSettings(context).HandleAsync(new Proto.UpdateMeetingSettingsRequest
        {
            Settings = new Proto.MeetingSettings
            {
                NetworkId = networkId,
                Secretariat = new Proto.Secretariat { DisplayName = "Sekretariatet, Partnerskap mot mobbing", Email = "post@partnerskapmotmobbing.example" },
            },
            UpdateMask = new FieldMask { Paths = { "secretariat" } },
        }, secretariat, ct);

        public Task DeadlineAsync(string title, int year, int month, int day) => new CreateDeadline(context).HandleAsync(new Proto.CreateDeadlineRequest
        {
            NetworkId = networkId,
            RequestId = $"demo-{year}-{month:00}-{day:00}",
            Deadline = new Proto.Deadline { Title = title, DueTime = Timestamp.FromDateTimeOffset(Local(year, month, day, 23, 59)) },
        }, secretariat, ct);

        /// <summary>Schedules and invites; a meeting already over is held: attendance, typed decisions, an action item, minutes.</summary>
        public async Task MeetingAsync(GroupInfo group, Proto.MeetingKind kind, string title, int year, int month, int day, int hours = 2, bool withMinutes = false)
        {
            var start = Local(year, month, day, 10, 0);
            var scheduled = await new ScheduleMeeting(context).HandleAsync(new Proto.ScheduleMeetingRequest
            {
                NetworkId = networkId,
                RequestId = $"demo-{group.GroupId}-{year}-{month:00}-{day:00}",
                Meeting = new Proto.Meeting
                {
                    GroupId = group.GroupId, Kind = kind, Title = title,
                    StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddHours(hours)),
                    Location = kind == Proto.MeetingKind.PartnerMeeting ? "Fjordvik rådhus, bystyresalen" : "",
                    VideoLink = kind == Proto.MeetingKind.PartnerMeeting ? "" : $"https://meet.example/{group.GroupId}",
                },
            }, secretariat, ct);
            var id = scheduled.Document.Id;
            await new SendInvitations(context).HandleAsync(new Proto.SendInvitationsRequest { NetworkId = networkId, MeetingId = id }, secretariat, ct);
            if (scheduled.Document.End > context.Now || group.Participants.Count == 0)
            {
                return;
            }

            // What happened in a past meeting is recorded as of its end, and its minutes a few days later, so the demo's
            // documentation figures (days from meeting to minutes) look like a real year rather than "published today".
            var atMeeting = AsOf(scheduled.Document.End);
            var afterMeeting = AsOf(Min(scheduled.Document.End.AddDays(2 + day % 5), context.Now));
            var attendance = new Proto.RecordAttendanceRequest { NetworkId = networkId, MeetingId = id };
            attendance.Entries.AddRange(group.Participants.Select((p, i) => new Proto.AttendanceEntry
            {
                PersonId = p.PersonId,
                Status = i == group.Participants.Count - 1 && group.Participants.Count > 2 ? Proto.AttendanceStatus.Excused : Proto.AttendanceStatus.Present,
            }));
            await new RecordAttendance(atMeeting).HandleAsync(attendance, secretariat, ct);
            foreach (var decision in Decisions(group, kind, scheduled.Document))
            {
                await new RecordDecision(atMeeting).HandleAsync(new Proto.RecordDecisionRequest { NetworkId = networkId, MeetingId = id, Decision = decision }, secretariat, ct);
            }
            if (kind == Proto.MeetingKind.Interim && group.Participants.Count > 0)
            {
                await new CreateActionItem(atMeeting).HandleAsync(new Proto.CreateActionItemRequest
                {
                    NetworkId = networkId, MeetingId = id, RequestId = $"demo-{id}",
                    ActionItem = new Proto.ActionItem
                    {
                        Title = "Sende innspill til partnermøtet", OwnerPersonId = group.Participants[^1].PersonId,
                        DueDate = DateOnly.FromDateTime(start.AddDays(14).UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    },
                }, secretariat, ct);
            }
            await new GenerateMinutesDraft(atMeeting).HandleAsync(new Proto.GenerateMinutesDraftRequest { NetworkId = networkId, MeetingId = id }, secretariat, ct);
            if (withMinutes)
            {
                await new ApproveMinutes(afterMeeting).HandleAsync(new Proto.ApproveMinutesRequest { NetworkId = networkId, MeetingId = id }, secretariat, ct);
                await new PublishMinutes(afterMeeting).HandleAsync(new Proto.PublishMinutesRequest { NetworkId = networkId, MeetingId = id }, secretariat, ct);
            }
        }

        private static IEnumerable<Proto.Decision> Decisions(GroupInfo group, Proto.MeetingKind kind, Meeting meeting)
        {
            var leader = group.Participants.FirstOrDefault(p => p.Role == "leader") ?? group.Participants[0];
            var budget = group.Participants.FirstOrDefault(p => p.Role == "budget_responsible") ?? leader;
            switch (kind)
            {
                case Proto.MeetingKind.StartUp:
                    yield return new Proto.Decision { Kind = Proto.DecisionKind.LeaderElected, PersonId = leader.PersonId, Text = $"{leader.Name} er valgt til leder.", AgendaItemId = meeting.Agenda[0].Id };
                    yield return new Proto.Decision { Kind = Proto.DecisionKind.BudgetResponsibleElected, PersonId = budget.PersonId, Text = $"{budget.Name} er valgt til budsjettansvarlig.", AgendaItemId = meeting.Agenda[1].Id };
                    yield return new Proto.Decision { Kind = Proto.DecisionKind.FreeText, Text = "Årshjulet for året er vedtatt.", AgendaItemId = meeting.Agenda[3].Id };
                    break;
                case Proto.MeetingKind.Interim:
                    yield return new Proto.Decision { Kind = Proto.DecisionKind.ReferredToPartnerMeeting, Text = "Forslag om felles kampanjeuke meldes inn som sak til partnermøtet.", AgendaItemId = meeting.Agenda[2].Id };
                    yield return new Proto.Decision { Kind = Proto.DecisionKind.FundApplicationApproved, Amount = "25000.00", Text = "Søknad til Partnerpotten om 25 000 kroner til foreldremøter er innvilget.", AgendaItemId = meeting.Agenda[1].Id };
                    break;
            }
        }

        private MeetingsContext AsOf(DateTimeOffset at) => new(context.Database, context.Groups, new FixedClock(at));

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        private DateTimeOffset Local(int year, int month, int day, int hour, int minute)
        {
            var local = new DateTime(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), hour, minute, 0, DateTimeKind.Unspecified);
            return new DateTimeOffset(local, Zone.GetUtcOffset(local));
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
