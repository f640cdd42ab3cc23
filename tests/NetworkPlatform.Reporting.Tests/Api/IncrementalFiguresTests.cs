using NetworkPlatform.Application;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;
using EventMark = NetworkPlatform.Events.Meetings.AttendanceMark;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// The figures are kept incrementally as events arrive. After a random workload (attendance recorded and recorded
/// again, minutes, decisions, meetings moved across years and cancelled, cadence breaches, people leaving) they must
/// equal the figures folded afresh from the meeting facts, and a rebuild from the event log must give them again.
/// </summary>
public sealed class IncrementalFiguresTests
{
    private const string Net = ReportingHost.Network;
    private static readonly string[] Groups = ["g-1", "g-2", "g-3"];
    private static readonly string[] Persons = [.. Enumerable.Range(1, 9).Select(i => $"p-{i}")];
    private static readonly int[] Years = [2025, 2026, 2027];

    [Fact(Timeout = 240_000)]
    public async Task after_a_random_workload_the_figures_match_the_facts_and_a_rebuild_gives_them_again()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        await using var host = await ReportingHost.StartAsync();
        var (setup, meetings) = Workload(random);
        await PublishAndWaitAsync(host, setup, setup.Count);
        await PublishAndWaitAsync(host, meetings, setup.Count + meetings.Count);

        var store = host.Services.GetRequiredKeyedService<IDocumentStore>(ReportingModule.ServiceName);
        Assert.True(await FiguresOfFactsAsync(store) == await StoredFiguresAsync(store), $"Seed {seed}: the kept figures differ from "
            + $"the facts folded afresh.");
        var live = await ReadAsync(host);

        using (var rebuild = host.Client.RebuildProjections(new RebuildProjectionsRequest { NetworkId = Net }, host.As(Roles.Operator)))
        {
            while (await rebuild.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
        }

        var rebuilt = await ReadAsync(host);
        Assert.True(live.Count == rebuilt.Count && live.Zip(rebuilt).All(p => p.First == p.Second),
            $"Seed {seed}: the rebuilt figures differ from the live ones:\n"
            + string.Join('\n', live.Zip(rebuilt).Where(p => p.First != p.Second).Select(p => $"{p.First}\n  vs\n{p.Second}")));
        Assert.Contains(live, l => l.Contains("\"heldMeetings\": ", StringComparison.Ordinal) && !l.Contains("\"heldMeetings\": 0",
            StringComparison.Ordinal));
    }

    /// <summary>Health of each year and the annual reports, as text (the computation time left out).</summary>
    private static async Task<List<string>> ReadAsync(ReportingHost host)
    {
        var reader = host.As(Roles.DashboardReader);
        var read = new List<string>();
        foreach (var year in Years)
        {
            var health = await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = year }, reader);
            health.ComputedAt = null;
            read.Add(Google.Protobuf.JsonFormatter.Default.Format(health).Replace(",", ",\n", StringComparison.Ordinal));
            foreach (var groupId in Groups.Prepend(""))
            {
                var report = await host.Client.GetAnnualReportAsync(
                    new GetAnnualReportRequest { NetworkId = Net, Year = year, GroupId = groupId, Format = ReportFormat.Markdown }, reader);
                read.Add(report.Content);
            }
        }
        return read;
    }

    private static async Task<string> StoredFiguresAsync(IDocumentStore store) =>
        Describe((await AllAsync(store, ReportingCollections.GroupYears)).Where(f => f.Held > 0 || f.CadenceBreaches > 0));

    /// <summary>The figures as a fold of the facts: every held meeting's part added once, breaches counted per group and year.</summary>
    private static async Task<string> FiguresOfFactsAsync(IDocumentStore store)
    {
        var figures = new Dictionary<(string, int), GroupYearFigures>();
        GroupYearFigures Of(string groupId, int year) => figures.GetValueOrDefault((groupId, year)) ?? GroupYearFigures.Empty(groupId,
            year);
        foreach (var part in (await AllAsync(store,
            ReportingCollections.Meetings)).Select(MeetingContribution.Of).OfType<MeetingContribution>())
        {
            figures[(part.GroupId, part.Year)] = Of(part.GroupId, part.Year).With(part, +1);
        }
        foreach (var breach in await AllAsync(store, ReportingCollections.CadenceBreaches))
        {
            var current = Of(breach.GroupId, breach.Year);
            figures[(breach.GroupId, breach.Year)] = current with { CadenceBreaches = current.CadenceBreaches + 1 };
        }
        return Describe(figures.Values);
    }

    private static string Describe(IEnumerable<GroupYearFigures> figures) => string.Join('\n', figures.OrderBy(f => f.Id,
        StringComparer.Ordinal).Select(f =>
        $"{f.Id}: held {f.Held}, minutes {f.WithMinutes}, late {f.PublishedLate}, decisions {f.Decisions}, present "
            + $"{f.Present}/{f.Recorded}, breaches {f.CadenceBreaches}; "
        + $"days {string.Join(' ', f.DaysToPublish.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}x{d.Value}"))}; "
        + $"members {string.Join(' ', f.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => Describe(m.Key, m.Value)))}; "
        + $"organisations {string.Join(' ', f.Organisations.OrderBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => $"{o.Key}={o.Value.Present}/{o.Value.Recorded}/{o.Value.HoursInMeetings}"))}"));

    private static string Describe(string personId, MemberTally tally) =>
        $"{personId}={tally.Present}/{tally.Recorded}[{string.Join(',', tally.Latest.Select(l => $"{l.MarkId}:{l.Status}"))}]";

    private static Task<List<T>> AllAsync<T>(IDocumentStore store, DocumentCollection<T> collection)
        where T : class => store.ReadAllAsync(collection, Net, collection.Query());

    private static async Task PublishAndWaitAsync(ReportingHost host, IReadOnlyList<IDomainEvent> events, int expectedEvents)
    {
        foreach (var domainEvent in events)
        {
            await host.PublishAsync(domainEvent);
        }
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while ((await host.Client.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = Net, Year = 2026 },
            host.As(Roles.DashboardReader))).EventsSeen < expectedEvents)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The reporting service did not consume {expectedEvents} events within 120 s.");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Who represents whom and who is in which group (published first, so every attendance finds its organisation), then
    /// meetings in random order, each with its own events in time order.
    /// </summary>
    private static (List<IDomainEvent> Setup, List<IDomainEvent> Meetings) Workload(Random random)
    {
        var setupAt = new DateTimeOffset(2024, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var setup = new List<IDomainEvent>(Groups.Select(g => ReportingHost.Group(g)));
        var organisationOf = Persons.ToDictionary(p => p, p => $"o-{(int.Parse(p[2..], CultureInfo.InvariantCulture) % 3) + 1}");
        foreach (var person in Persons.Take(6))
        {
            setup.Add(new RepresentativeAppointed(Guid.NewGuid(), setupAt, Net, $"r-{person}", 1, $"r-{person}",
                organisationOf[person], person, "Representative",
                random.Next(2, 8), "Manager", setupAt.AddMonths(random.Next(0, 18)), "secretariat"));
        }
        var members = Groups.ToDictionary(g => g, _ => new List<string>());
        foreach (var person in Persons)
        {
            foreach (var group in Groups.Where(_ => random.NextDouble() < 0.6).DefaultIfEmpty(Groups[random.Next(Groups.Length)]))
            {
                members[group].Add(person);
                setup.Add(new ParticipantJoined(Guid.NewGuid(), setupAt, Net, group, 1, group, person, organisationOf[person], true));
            }
        }

        var meetings = new List<IDomainEvent>();
        foreach (var (group, person) in members.SelectMany(m => m.Value.Select(p => (m.Key, p))).Where(_ => random.NextDouble() < 0.15))
        {
            var left = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 900));
            meetings.Add(new ParticipantLeft(Guid.NewGuid(), left, Net, group, 2, group, person, organisationOf[person], "moved on"));
        }
        for (var i = 0; i < 80; i++)
        {
            var id = $"m-{i:D3}";
            var group = Groups[random.Next(Groups.Length)];
            var start = new DateTimeOffset(2025, 1, 1, 9, 0, 0, TimeSpan.Zero).AddDays(random.Next(0, 900)).AddMinutes(random.Next(0,
                3) * 30);
            // A meeting starting on the last day of a year may be moved into the next one.
            start = random.NextDouble() < 0.05 ? new DateTimeOffset(start.Year, 12, 31, 22, 0, 0, TimeSpan.Zero) : start;
            var at = start.AddDays(-30);
            DateTimeOffset Next() => at = at.AddHours(random.Next(1, 200));
            meetings.Add(new MeetingScheduled(Guid.NewGuid(), Next(), Net, id, 1, id, group, "Interim", id, start,
                start.AddHours(random.Next(1, 4)), "Europe/Oslo", "", ""));
            var roll = random.NextDouble();
            if (roll < 0.1)
            {
                meetings.Add(new MeetingCancelled(Guid.NewGuid(), Next(), Net, id, 2, id, group, "Interim", start, "no quorum", 1));
                continue;
            }
            for (var recorded = 0; recorded < (roll < 0.3 ? 2 : roll < 0.9 ? 1 : 0); recorded++)
            {
                var marks = members[group].Where(_ => random.NextDouble() < 0.8)
                    .Select(p => new EventMark(p, random.NextDouble() switch { < 0.6 => "Present", < 0.85 => "Absent",
                        _ => "Excused" })).ToList();
                meetings.Add(new AttendanceRecorded(Guid.NewGuid(), Next(), Net, id, 3, id, group, "Interim", start, marks, marks.Count,
                    marks.Count(m => m.Status == "Present"), true));
            }
            if (random.NextDouble() < 0.7)
            {
                meetings.Add(new MinutesPublished(Guid.NewGuid(), Next(), Net, id, 4, id, group, "Interim", id, start, "Minutes", [], [],
                    []));
            }
            for (var decisions = random.Next(0, 3); decisions > 0; decisions--)
            {
                meetings.Add(new DecisionRecorded(Guid.NewGuid(), Next(), Net, id, 4, id, group, DecisionKind.FreeText, null, null, null,
                    "Agreed"));
            }
            if (random.NextDouble() < 0.1)
            {
                var moved = start.AddHours(random.Next(1, 72));
                meetings.Add(new MeetingRescheduled(Guid.NewGuid(), Next(), Net, id, 5, id, group, start, start.AddHours(2), moved,
                    moved.AddHours(2), "Europe/Oslo", "moved", 1));
            }
            if (random.NextDouble() < 0.05)
            {
                meetings.Add(new MeetingCancelled(Guid.NewGuid(), Next(), Net, id, 6, id, group, "Interim", start, "after the fact", 2));
            }
        }
        foreach (var year in Years)
        {
            foreach (var group in Groups.Where(_ => random.NextDouble() < 0.5))
            {
                var at = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero);
                meetings.Add(new CadenceBreached(Guid.NewGuid(), at, Net, group, 1, group, year, "StartUp", at.AddMonths(-5),
                    at.AddMonths(-3), null));
            }
        }
        return (setup, meetings);
    }
}
