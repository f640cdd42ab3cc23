using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Groups.Seed;
using NetworkPlatform.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Reporting;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Storage;
using EventMark = NetworkPlatform.Events.Meetings.AttendanceMark;

namespace NetworkPlatform.Benchmarks.Scale;

/// <summary>
/// Grows the demo partnership's history: held meetings (attendance of the group's people, minutes published for most,
/// an action item each, done) spread over the last five years, a few planned in the coming year. It writes through the
/// services' own stores and code, for speed: the meetings service's aggregate (Meeting.Schedule, RecordAttendance,
/// minutes) and storage, and the reporting service's event log with its projection (EventLog.RecordAsync, what its
/// consumer runs for each event), in batches. The structure stays as seeded: the groups, their people, the partner
/// meetings and one small group's meetings (written once) do not grow.
/// </summary>
internal sealed class NetworkGrowth(IServiceProvider services, DateTimeOffset now)
{
    public const string Network = DemoGroups.Partnership;

    /// <summary>The groups that take the growth.</summary>
    public static readonly string[] BulkGroups = ["ag-digital-mobbing", "ag-trygt-barnehagemiljo", "sekretariatet"];

    /// <summary>A group whose meetings do not grow: a dozen a year.</summary>
    public const string SmallGroup = "gruppeledermotet";

    public const string PartnerBody = "partnermotet";

    private const int BatchSize = 250;
    private const string By = "bench";

    private static readonly string[] People = ["Ingrid Haugen", "Jonas Berg", "Marte Lie", "Sindre Moen", "Aisha Rahman", "Eirik Dahl",
        "Nora Bakke"];

    private readonly IDocumentStore meetings = services.GetRequiredKeyedService<IDocumentStore>(MeetingsModule.ServiceName);
    private readonly IDocumentStore reporting = services.GetRequiredKeyedService<IDocumentStore>(ReportingModule.ServiceName);
    private readonly NetworkSettings settings = NetworkSettings.Default(Network);
    private int written;

    public int Meetings => written;

    /// <summary>The years the history covers: the last five, and the coming one.</summary>
    public DateTimeOffset HistoryStart => now.AddYears(-5);

    /// <summary>Partner meetings (four a year) and the small group's meetings (twelve a year), once.</summary>
    public Task WriteFixedAsync(CancellationToken cancellationToken)
    {
        var fixedMeetings = new List<(string, string, MeetingKind, DateTimeOffset, int)>();
        for (var month = 0; month < 72; month++)
        {
            var start = new DateTimeOffset(HistoryStart.Year, 1, 12, 9, 0, 0, TimeSpan.Zero).AddMonths(month);
            fixedMeetings.Add(($"small-{month:D3}", SmallGroup, month % 12 == 0 ? MeetingKind.StartUp : MeetingKind.Interim, start, month));
            if (month % 3 == 1)
            {
                fixedMeetings.Add(($"partner-{month:D3}", PartnerBody, MeetingKind.PartnerMeeting, start.AddDays(10), month));
            }
        }
        return WriteAsync(fixedMeetings, cancellationToken);
    }

    /// <summary>Bulk meetings until the network holds <paramref name="total"/> (with the fixed ones).</summary>
    public async Task GrowToAsync(int total, CancellationToken cancellationToken)
    {
        var span = (now - HistoryStart).TotalMinutes;
        var batch = new List<(string, string, MeetingKind, DateTimeOffset, int)>(BatchSize);
        for (var n = written; n < total; n++)
        {
            var random = new Random(n);
            // Most are held (past); one in 25 is planned in the coming year.
            var start = random.Next(25) == 0
                ? now.AddMinutes(random.Next(60, 365 * 24 * 60))
                : HistoryStart.AddMinutes(Math.Floor(random.NextDouble() * span / 30) * 30);
            var kind = random.Next(10) switch { 0 => MeetingKind.StartUp, 1 => MeetingKind.Reporting, 2 => MeetingKind.Workshop,
                _ => MeetingKind.Interim };
            batch.Add(($"bulk-{n:D7}", BulkGroups[n % BulkGroups.Length], kind, start, n + 1_000_000));
            if (batch.Count == BatchSize || n == total - 1)
            {
                await WriteAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
    }

    private async Task WriteAsync(IReadOnlyList<(string Id, string GroupId, MeetingKind Kind, DateTimeOffset Start, int Seed)> batch,
        CancellationToken cancellationToken)
    {
        var documents = new List<(Meeting Meeting, ActionItem? Item)>();
        var events = new List<IDomainEvent>();
        foreach (var (id, groupId, kind, start, seed) in batch)
        {
            var (meeting, item, meetingEvents) = Build(id, groupId, kind, start, new Random(seed));
            documents.Add((meeting, item));
            events.AddRange(meetingEvents);
        }
        // The two services' databases are separate files: write both at once.
        await Task.WhenAll(WriteMeetingsAsync(documents, cancellationToken), WriteReportingAsync(events, cancellationToken));
        written += batch.Count;
    }

    private (Meeting, ActionItem?, List<IDomainEvent>) Build(string id, string groupId, MeetingKind kind, DateTimeOffset start,
        Random random)
    {
        var end = start.AddHours(2);
        var scheduledAt = start.AddDays(-21);
        var meeting = Meeting.Schedule(id, Network, groupId, $"{kind}: {groupId}", kind, start, end, settings.TimeZone, "Rådhuset, "
            + "møterom 2", "",
            settings.TemplateFor(kind, MeetingTexts.Bokmal), [], MeetingTexts.Bokmal, scheduledAt, By);
        var events = new List<IDomainEvent>
        {
            new MeetingScheduled(Guid.CreateVersion7(), scheduledAt, Network, id, 1, id, groupId, kind.ToString(), meeting.Title, start,
                end, meeting.TimeZone, meeting.Location, ""),
        };
        if (start > now)
        {
            return (meeting, null, events);
        }
        var entries = People.Select(name => new AttendanceEntry(DemoPeople.PersonId(Network, name), name, random.Next(10) switch
        {
            < 7 => AttendanceStatus.Present,
            < 9 => AttendanceStatus.Absent,
            _ => AttendanceStatus.Excused,
        })).ToList();
        meeting = meeting.RecordAttendance(entries, end);
        events.Add(new AttendanceRecorded(Guid.CreateVersion7(), end, Network, id, 2, id, groupId, kind.ToString(), start,
            [.. entries.Select(e => new EventMark(e.PersonId, e.Status.ToString()))], entries.Count,
                entries.Count(e => e.Status == AttendanceStatus.Present), true));
        if (random.Next(100) < 85)
        {
            var text = $"Minutes of {meeting.Title}, {start:yyyy-MM-dd}. " + string.Join(' ', meeting.Agenda.Select(a => $"{a.Title}: "
                + $"discussed and agreed."));
            var published = start.AddDays(1 + random.Next(30));
            meeting = meeting.DraftMinutes(text, start.AddDays(1)).ApproveMinutes(published, By).PublishMinutes(new Addressees([], []),
                published);
            events.Add(new MinutesPublished(Guid.CreateVersion7(), published, Network, id, 5, id, groupId, kind.ToString(), meeting.Title,
                start, text, [], [], []));
        }
        var item = ActionItem.AgreeAt(meeting, $"act-{id}", "Follow up the measures", entries[random.Next(entries.Count)].PersonId, "",
            DateOnly.FromDateTime(start.AddDays(30).UtcDateTime), end);
        return (meeting, item.Complete(start.AddDays(20), By), events);
    }

    private async Task WriteMeetingsAsync(List<(Meeting Meeting, ActionItem? Item)> documents, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await meetings.BeginAsync(cancellationToken);
        await KnownNetwork.RememberAsync(unitOfWork, Network, cancellationToken);
        foreach (var (meeting, item) in documents)
        {
            await unitOfWork.InsertAsync(MeetingsCollections.Meetings, Network, meeting, cancellationToken);
            if (item is not null)
            {
                await unitOfWork.InsertAsync(MeetingsCollections.ActionItems, Network, item, cancellationToken);
            }
        }
        await unitOfWork.CommitAsync(cancellationToken);
    }

    private async Task WriteReportingAsync(List<IDomainEvent> events, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await reporting.BeginAsync(cancellationToken);
        foreach (var domainEvent in events)
        {
            await EventLog.RecordAsync(unitOfWork, domainEvent, cancellationToken);
        }
        await unitOfWork.CommitAsync(cancellationToken);
    }
}
