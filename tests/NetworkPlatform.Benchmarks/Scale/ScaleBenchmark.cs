using NetworkPlatform.Application;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using NetworkPlatform.Hosting.Auth;
using GroupsV1 = NetworkPlatform.Groups.V1;
using MeetingsV1 = NetworkPlatform.Meetings.V1;
using MembershipV1 = NetworkPlatform.Membership.V1;
using ReportingV1 = NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Benchmarks.Scale;

/// <summary>
/// Costs as one network grows: the demo partnership of `make run` grows to 1k, 10k and 100k meetings (with attendance,
/// minutes and action items; its member directory grows by one organisation per 20 meetings from 500). Each size is a
/// platform of its own in this process, grown first; then every read path of issue 21 is called through the public gRPC
/// API (the dashboard through its HTTP port) on each size in turn, call by call, so that the machine's other load falls
/// on every size alike: p50 and p99 of NP_SCALE_CALLS calls (default 200) and the largest response. A write sample goes
/// through gRPC the same way, in rounds. Growth = p50 at the largest size / p50 at the smallest, measured in the same run.
/// NP_SCALE_SIZES (default 1000,10000,100000) sets the sizes.
/// </summary>
public sealed class ScaleBenchmark : IBenchmark
{
    private const string Network = NetworkGrowth.Network;
    private const int DirectoryBase = 500;
    private const int MeetingsPerMember = 20;
    private const int WriteRounds = 4;
    private const int WritesPerRound = 10;
    private const int WritersAtOnce = 4;
    private const string SearchWord = "Strand";

    private static readonly string[] NameWords = ["Fjord", "Vest", "Nord", "Sol", "Dal", "Berg", "Lund", "Vik", SearchWord, "Haug"];

    public string Name => "scale";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sizes = (Environment.GetEnvironmentVariable("NP_SCALE_SIZES") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s,
            CultureInfo.InvariantCulture)).ToList();
        var calls = int.Parse(Environment.GetEnvironmentVariable("NP_SCALE_CALLS") ?? "200", CultureInfo.InvariantCulture);
        var started = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var platforms = new List<PlatformUnderTest>();
        try
        {
            var apis = new List<Api>();
            foreach (var size in sizes)
            {
                var load = Stopwatch.StartNew();
                var platform = await PlatformUnderTest.StartAsync(cancellationToken);
                platforms.Add(platform);
                var api = new Api(platform, now);
                await api.SetUpAsync(cancellationToken);
                var growth = new NetworkGrowth(platform.Services, now);
                await growth.WriteFixedAsync(cancellationToken);
                await growth.GrowToAsync(size, cancellationToken);
                await api.GrowDirectoryToAsync(DirectoryBase + (size / MeetingsPerMember), cancellationToken);
                await platform.QuietAsync(cancellationToken);
                await api.PrepareReadsAsync(cancellationToken);
                apis.Add(api);
                Console.WriteLine($"{growth.Meetings:N0} meetings, {api.Members:N0} member organisations: grown in "
                    + $"{load.Elapsed.TotalSeconds:0} s, "
                    + $"databases {platform.DatabaseBytes() / 1048576.0:0} MB (history from {growth.HistoryStart:yyyy-MM-dd}; health "
                        + $"and reports for {api.Year})");
            }

            var reads = new List<List<ReadResult>>();
            foreach (var path in apis[0].ReadPaths().Select(p => p.Name))
            {
                reads.Add(await MeasureAsync(path, [.. apis.Select(a => a.ReadPaths().Single(p => p.Name == path).Read)], calls,
                    cancellationToken));
            }
            var writes = await MeasureWritesAsync(apis, platforms, cancellationToken);
            Print(sizes, reads, writes, calls);
        }
        finally
        {
            foreach (var platform in platforms)
            {
                await platform.DisposeAsync();
            }
        }
        Console.WriteLine($"Scale benchmark took {started.Elapsed.TotalMinutes:0.0} min.");
    }

    /// <summary>One read path on every size in turn, call by call; a result per size.</summary>
    private static async Task<List<ReadResult>> MeasureAsync(string name, List<Func<CancellationToken, Task<int>>> reads, int calls,
        CancellationToken cancellationToken)
    {
        var times = reads.Select(_ => new List<double>(calls)).ToList();
        var largest = new int[reads.Count];
        for (var call = -5; call < calls; call++)
        {
            for (var size = 0; size < reads.Count; size++)
            {
                var timer = Stopwatch.StartNew();
                largest[size] = Math.Max(largest[size], await reads[size](cancellationToken));
                if (call >= 0)
                {
                    times[size].Add(timer.Elapsed.TotalMilliseconds);
                }
            }
        }
        return [.. times.Select((t, size) =>
        {
            t.Sort();
            return new ReadResult(name, Percentile(t, 0.50), Percentile(t, 0.99), largest[size]);
        })];
    }

    /// <summary>Meetings per second through the write path, per size, in rounds that take turns between the sizes.</summary>
    private static async Task<List<double>> MeasureWritesAsync(List<Api> apis, List<PlatformUnderTest> platforms,
        CancellationToken cancellationToken)
    {
        var seconds = new double[apis.Count];
        for (var round = 0; round < WriteRounds; round++)
        {
            for (var size = 0; size < apis.Count; size++)
            {
                seconds[size] += await apis[size].WriteSampleAsync(WritesPerRound, WritersAtOnce, cancellationToken);
                // The events of the writes are projected after the calls return: let them finish before the next size writes.
                await platforms[size].QuietAsync(cancellationToken);
            }
        }
        return [.. seconds.Select(s => WriteRounds * WritesPerRound / s)];
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1,
        (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Print(List<int> sizes, List<List<ReadResult>> reads, List<double> writes, int calls)
    {
        static string K(int meetings) => $"{meetings / 1000.0:0.#}k";
        Console.WriteLine();
        Console.WriteLine($"p50 ms per size ({calls} calls each, sizes in turn); growth = p50 at {K(sizes[^1])} / p50 at {K(sizes[0])} "
            + $"(target <= 1.3x); "
            + "max KB = the largest response at any size (target < 256).");
        Console.WriteLine($"| read | {string.Join(" | ", sizes.Select(s => $"p50 {K(s)}"))} | growth | "
            + $"{string.Join(" | ", sizes.Select(s => $"p99 {K(s)}"))} | max KB |");
        Console.WriteLine($"|---|{string.Concat(sizes.Select(_ => "---|"))}---|{string.Concat(sizes.Select(_ => "---|"))}---|");
        foreach (var row in reads)
        {
            Console.WriteLine($"| {row[0].Name} | "
                + $"{string.Join(" | ", row.Select(r => r.P50.ToString("0.00", CultureInfo.InvariantCulture)))} | "
                    + $"{row[^1].P50 / row[0].P50:0.00}x | "
                + $"{string.Join(" | ", row.Select(r => r.P99.ToString("0.00", CultureInfo.InvariantCulture)))} | "
                    + $"{row.Max(r => r.MaxBytes) / 1024.0:0.0} |");
        }
        Console.WriteLine($"| writes, meetings/s | "
            + $"{string.Join(" | ", writes.Select(w => w.ToString("0.0", CultureInfo.InvariantCulture)))} | "
                + $"{writes[^1] / writes[0]:0.00}x (target >= 0.8x) |");
        Console.WriteLine($"A written meeting is {Api.CallsPerWrittenMeeting} gRPC calls (schedule, attendance, minutes drafted, "
            + $"approved, published, an action item created "
            + $"and done), {WritersAtOnce} meetings at a time, {WriteRounds} rounds of {WritesPerRound} per size.");
    }

    private sealed record ReadResult(string Name, double P50, double P99, int MaxBytes);


    /// <summary>The public API as a partner system uses it: one channel, the partnership secretariat's token.</summary>
    private sealed class Api(PlatformUnderTest platform, DateTimeOffset now)
    {
        public const int CallsPerWrittenMeeting = 7;

        private readonly GrpcChannel channel = GrpcChannel.ForAddress(platform.GrpcAddress);
        private readonly HttpClient dashboard = new() { BaseAddress = new Uri(platform.HttpAddress) };
        private readonly Metadata secretariat = new()
        {
            { "authorization", "Bearer " + platform.Tokens.Issue("scale-bench", Network, [Roles.Secretariat]) },
        };
        private string elevenPageToken = "";
        private string someMeetingId = "";
        private int written;

        public int Year => now.Year - 1;

        public int Members { get; private set; }

        private MeetingsV1.MeetingsService.MeetingsServiceClient Meetings => new(channel);

        private MeetingsV1.PartnerCalendarService.PartnerCalendarServiceClient Calendar => new(channel);

        private ReportingV1.ReportingService.ReportingServiceClient Reporting => new(channel);

        private MembershipV1.OrganisationService.OrganisationServiceClient Organisations => new(channel);

        public async Task SetUpAsync(CancellationToken cancellationToken)
        {
            var settings = new MeetingsV1.MeetingSettings { NetworkId = Network,
                Secretariat = new MeetingsV1.Secretariat { DisplayName = "Sekretariatet", Email = "post@partnerskap.example" } };
            await Meetings.UpdateMeetingSettingsAsync(new MeetingsV1.UpdateMeetingSettingsRequest { Settings = settings,
                UpdateMask = new FieldMask { Paths = { "secretariat" } } },
                secretariat, cancellationToken: cancellationToken);
            dashboard.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.Tokens.Issue("scale-bench",
                Network, [Roles.DashboardReader]));
            Members = (await Organisations.ListOrganisationsAsync(new MembershipV1.ListOrganisationsRequest { NetworkId = Network,
                PageSize = 200 }, secretariat,
                cancellationToken: cancellationToken)).Organisations.Count;
        }

        /// <summary>
        /// Active member organisations (created, applied, approved through the API) until there are <paramref name="total"/>.
        /// </summary>
        public async Task GrowDirectoryToAsync(int total, CancellationToken cancellationToken)
        {
            var next = Members;
            await Parallel.ForEachAsync(Enumerable.Range(next, Math.Max(0, total - next)),
                new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (n, ct) =>
                {
                    var place = NameWords[n % NameWords.Length] + NameWords[n / NameWords.Length % NameWords.Length].ToLowerInvariant();
                    var organisation = new MembershipV1.Organisation
                    {
                        DisplayName = $"{place} {(n % 3 == 0 ? "kommune" : "skole")} {n}",
                        Kind = n % 3 == 0 ? MembershipV1.OrganisationKind.Municipality : MembershipV1.OrganisationKind.Ngo,
                        OrganisationNumber = OrganisationNumber(80_000_000 + (2 * n)),
                    };
                    var created = await Organisations.CreateOrganisationAsync(
                        new MembershipV1.CreateOrganisationRequest { NetworkId = Network, Organisation = organisation },
                        secretariat, cancellationToken: ct);
                    await Organisations.ApplyForMembershipAsync(new MembershipV1.ApplyForMembershipRequest { NetworkId = Network,
                        OrganisationId = created.Id, Reason = "bench" }, secretariat, cancellationToken: ct);
                    await Organisations.ApproveMembershipAsync(new MembershipV1.ApproveMembershipRequest { NetworkId = Network,
                        OrganisationId = created.Id, Reason = "bench" }, secretariat, cancellationToken: ct);
                });
            Members = Math.Max(Members, total);
        }

        /// <summary>What the reads need from the grown network: a meeting's id, the token of the 11th page of meetings.</summary>
        public async Task PrepareReadsAsync(CancellationToken cancellationToken)
        {
            var meetings = Meetings;
            string token = "";
            for (var page = 0; page < 10; page++)
            {
                var listed = await meetings.ListMeetingsAsync(new MeetingsV1.ListMeetingsRequest { NetworkId = Network,
                    PageToken = token }, secretariat, cancellationToken: cancellationToken);
                token = listed.NextPageToken;
                someMeetingId = listed.Meetings[0].MeetingId;
            }
            elevenPageToken = token;
        }

        /// <summary>The read paths of the issue's table, each returning the size of its response in bytes.</summary>
        public IEnumerable<(string Name, Func<CancellationToken, Task<int>> Read)> ReadPaths()
        {
            var meetings = Meetings;
            var calendar = Calendar;
            var reporting = Reporting;
            var directory = new MembershipV1.DirectoryService.DirectoryServiceClient(channel);
            var groups = new GroupsV1.GroupsService.GroupsServiceClient(channel);
            async Task<int> Size<T>(AsyncUnaryCall<T> call)
                where T : IMessage => (await call.ResponseAsync).CalculateSize();

            yield return ("ListMeetings, first page",
                ct => Size(meetings.ListMeetingsAsync(new MeetingsV1.ListMeetingsRequest { NetworkId = Network }, secretariat,
                    cancellationToken: ct)));
            yield return ("ListMeetings, 11th page",
                ct => Size(meetings.ListMeetingsAsync(new MeetingsV1.ListMeetingsRequest { NetworkId = Network,
                    PageToken = elevenPageToken }, secretariat, cancellationToken: ct)));
            yield return ("ListActionItems, first page",
                ct => Size(meetings.ListActionItemsAsync(new MeetingsV1.ListActionItemsRequest { NetworkId = Network }, secretariat,
                    cancellationToken: ct)));
            yield return ($"SearchDirectory \"{SearchWord}\"", ct
                => Size(directory.SearchDirectoryAsync(new MembershipV1.SearchDirectoryRequest { NetworkId = Network,
                    Query = SearchWord }, secretariat, cancellationToken: ct)));
            yield return ("GetNetworkHealth (a year)",
                ct => Size(reporting.GetNetworkHealthAsync(new ReportingV1.GetNetworkHealthRequest { NetworkId = Network,
                    Year = Year }, secretariat, cancellationToken: ct)));
            yield return ("annual report, whole network", ct => Size(reporting.GetAnnualReportAsync(
                new ReportingV1.GetAnnualReportRequest { NetworkId = Network, Year = Year, Format = ReportingV1.ReportFormat.Markdown },
                    secretariat, cancellationToken: ct)));
            yield return ("annual report, one small group", ct => Size(reporting.GetAnnualReportAsync(
                new ReportingV1.GetAnnualReportRequest { NetworkId = Network, Year = Year, GroupId = NetworkGrowth.SmallGroup,
                    Format = ReportingV1.ReportFormat.Markdown }, secretariat, cancellationToken: ct)));
            yield return ("cadence compliance, network",
                ct => Size(calendar.GetCadenceComplianceAsync(new MeetingsV1.GetCadenceComplianceRequest { NetworkId = Network,
                    Year = Year }, secretariat, cancellationToken: ct)));
            yield return ("calendar feed, one small group",
                ct => Size(calendar.GetCalendarFeedAsync(new MeetingsV1.GetCalendarFeedRequest { NetworkId = Network,
                    GroupId = NetworkGrowth.SmallGroup }, secretariat, cancellationToken: ct)));
            yield return ("dashboard JSON (health)", async ct
                => (await dashboard.GetByteArrayAsync(new Uri($"/v1/networks/{Network}/health?year={Year}", UriKind.Relative),
                    ct)).Length);
            yield return ("dashboard network page: its JSON reads", ct => DashboardPageAsync("", ct));
            yield return ("dashboard page of one small group", ct => DashboardPageAsync(NetworkGrowth.SmallGroup, ct));
            yield return ("dashboard page of one bulk group", ct => DashboardPageAsync(NetworkGrowth.BulkGroups[0], ct));
            yield return ("GetMeeting", ct => Size(meetings.GetMeetingAsync(new MeetingsV1.GetMeetingRequest { NetworkId = Network,
                MeetingId = someMeetingId }, secretariat, cancellationToken: ct)));
            yield return ("ListMeetings of one group",
                ct => Size(meetings.ListMeetingsAsync(new MeetingsV1.ListMeetingsRequest { NetworkId = Network,
                    GroupId = NetworkGrowth.SmallGroup }, secretariat, cancellationToken: ct)));
            yield return ("GetGroup", ct => Size(groups.GetGroupAsync(new GroupsV1.GetGroupRequest { NetworkId = Network,
                GroupId = NetworkGrowth.SmallGroup }, secretariat, cancellationToken: ct)));
        }

        /// <summary>
        /// The JSON reads the dashboard makes for its first render of the network page (no group) or a group's page
        /// (services/Reporting/Dashboard/web/src: directory.js, overview.js, group.js, money.js, the live panel's recent events),
        /// one after another (the page makes them in parallel); the bytes they return.
        /// </summary>
        private async Task<int> DashboardPageAsync(string group, CancellationToken ct)
        {
            var bytes = 0;
            var network = $"/v1/networks/{Network}";
            async Task<JsonElement> Get(string path)
            {
                var body = await dashboard.GetByteArrayAsync(new Uri(path, UriKind.Relative), ct);
                bytes += body.Length;
                return JsonDocument.Parse(body).RootElement;
            }
            async Task<List<JsonElement>> All(string path, string field)
            {
                var items = new List<JsonElement>();
                var token = "";
                do
                {
                    var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    var page = await Get($"{path}{separator}pageSize=200&pageToken={token}");
                    items.AddRange(page.TryGetProperty(field, out var list) ? list.EnumerateArray() : []);
                    token = page.TryGetProperty("nextPageToken", out var next) ? Uri.EscapeDataString(next.GetString() ?? "") : "";
                }
                while (token.Length > 0);
                return items;
            }
            await Get(network);
            var groups = await All($"{network}/groups", "groups");
            await All($"{network}/organisations", "organisations");
            var accountsOf = group.Length > 0 ? [group] : groups.Select(g => g.GetProperty("groupId").GetString()!).ToList();
            foreach (var id in accountsOf)
            {
                await Get($"{network}/groupAccounts/{id}/years/{Year}");
            }
            if (group.Length == 0)
            {
                await Get($"{network}/health?year={Year}");
                await Get($"{network}/measureProgress?year={Year}");
                await All($"{network}/indicators", "indicators");
            }
            else
            {
                await All($"{network}/groupMeetingFacts/{group}/years/{Year}", "meetingFacts");
                var measures = await Get($"{network}/measureProgress?year={Year}&groupId={group}");
                foreach (var measure in measures.GetProperty("measures").EnumerateArray())
                {
                    await All($"{network}/progressReports?measureId={measure.GetProperty("measureId").GetString()}", "reports");
                }
            }
            await Get($"{network}/events:recent?pageSize=20");
            return bytes;
        }

        /// <summary>Meetings of a bulk group through the whole write path, a few at a time; the seconds it took.</summary>
        public async Task<double> WriteSampleAsync(int count, int atOnce, CancellationToken cancellationToken)
        {
            var meetings = Meetings;
            var first = written;
            written += count;
            var timer = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(first, count), new ParallelOptions { MaxDegreeOfParallelism = atOnce,
                CancellationToken = cancellationToken }, async (n, ct) =>
            {
                var start = now.AddDays(-1).AddMinutes(-n);
                var input = new MeetingsV1.Meeting
                {
                    GroupId = NetworkGrowth.BulkGroups[0], Kind = MeetingsV1.MeetingKind.Interim,
                    StartTime = Timestamp.FromDateTimeOffset(start), EndTime = Timestamp.FromDateTimeOffset(start.AddHours(1)),
                };
                var meeting = await meetings.ScheduleMeetingAsync(new MeetingsV1.ScheduleMeetingRequest { NetworkId = Network,
                    Meeting = input, RequestId = $"write-{n}" }, secretariat, cancellationToken: ct);
                var attendance = new MeetingsV1.RecordAttendanceRequest { NetworkId = Network, MeetingId = meeting.MeetingId };
                attendance.Entries.Add(new MeetingsV1.AttendanceEntry { PersonId = "p-write", DisplayName = "Writer",
                    Status = MeetingsV1.AttendanceStatus.Present });
                await meetings.RecordAttendanceAsync(attendance, secretariat, cancellationToken: ct);
                await meetings.GenerateMinutesDraftAsync(new MeetingsV1.GenerateMinutesDraftRequest { NetworkId = Network,
                    MeetingId = meeting.MeetingId }, secretariat, cancellationToken: ct);
                await meetings.ApproveMinutesAsync(new MeetingsV1.ApproveMinutesRequest { NetworkId = Network,
                    MeetingId = meeting.MeetingId }, secretariat, cancellationToken: ct);
                await meetings.PublishMinutesAsync(new MeetingsV1.PublishMinutesRequest { NetworkId = Network,
                    MeetingId = meeting.MeetingId }, secretariat, cancellationToken: ct);
                var item = await meetings.CreateActionItemAsync(new MeetingsV1.CreateActionItemRequest
                {
                    NetworkId = Network, MeetingId = meeting.MeetingId, RequestId = $"write-{n}",
                    ActionItem = new MeetingsV1.ActionItem { Title = "Send the report", OwnerPersonId = "p-write",
                        DueDate = start.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                }, secretariat, cancellationToken: ct);
                await meetings.CompleteActionItemAsync(new MeetingsV1.CompleteActionItemRequest { NetworkId = Network,
                    ActionItemId = item.ActionItemId }, secretariat, cancellationToken: ct);
            });
            return timer.Elapsed.TotalSeconds;
        }

        /// <summary>
        /// A valid organisasjonsnummer: eight digits and the mod-11 check digit (an even seed whose check would be 10 moves to the odd one
        /// after it).
        /// </summary>
        private static string OrganisationNumber(int seed)
        {
            int[] weights = [3, 2, 7, 6, 5, 4, 3, 2];
            for (var candidate = seed; ; candidate++)
            {
                var digits = candidate.ToString("D8", CultureInfo.InvariantCulture);
                var check = 11 - (digits.Select((d, i) => (d - '0') * weights[i]).Sum() % 11);
                if (check != 10)
                {
                    return digits + (check == 11 ? 0 : check).ToString(CultureInfo.InvariantCulture);
                }
            }
        }
    }
}
