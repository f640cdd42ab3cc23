using NetworkPlatform.Application;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Grpc.Core;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace NetworkPlatform.Distributed;

/// <summary>
/// After a workload (and the faults under it) has settled: what every consumer did with the events of the workload's
/// network, and whether reporting's read models (and groups' copy of who represents whom) match the owning services.
/// <list type="bullet">
/// <item>Lost: an event an owner committed (its outbox) that a queue bound to its type never handled (that consumer's
/// inbox), or an effect an owner has that reporting lacks.</item>
/// <item>Duplicated: an effect reporting counts more often than the owner has it (a decision counted twice).</item>
/// <item>Reordered: a copy that differs from its owner although every event about it was handled (an older event
/// applied after a newer one: a meeting's start, its state, who is in a group).</item>
/// </list>
/// Plus the health of the plumbing: queues without consumers, messages left in queues or moved to _error queues,
/// outbox messages not yet sent.
/// </summary>
public sealed partial class ConsistencyCheck(PlatformProcesses platform, RabbitMqServer rabbit, string networkId)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(10);

    private readonly List<string> details = [];
    private readonly HashSet<string> lostAggregates = [];
    private int lost;
    private int duplicated;
    private int reordered;

    private Task<Metadata> SecretariatAsync() => platform.CallerAsync(networkId, Roles.Secretariat);

    /// <summary>Waits (at most <paramref name="timeout"/>) until every outbox is sent and every service queue is empty and
    /// consumed.</summary>
    public async Task<PlumbingState> SettleAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = await PlumbingAsync();
            if (state.Settled || DateTime.UtcNow > deadline)
            {
                return state;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>Queues, error queues and outboxes now.</summary>
    public async Task<PlumbingState> PlumbingAsync()
    {
        var queues = await rabbit.QueuesAsync();
        var unsent = new Dictionary<string, long>();
        foreach (var service in platform.Services)
        {
            unsent[service.Name] = await ScalarAsync(service.Name, "SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        }
        return new PlumbingState(
            queues.Where(q => ServiceQueue().IsMatch(q.Name) && q.Consumers == 0).Select(q => q.Name).ToList(),
            queues.Where(q => ServiceQueue().IsMatch(q.Name)).Sum(q => q.Messages),
            queues.Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)).Sum(q => q.Messages),
            unsent.Values.Sum());
    }

    public async Task<ConsistencyReport> CompareAsync()
    {
        await ListFaultsAsync();
        await CompareDeliveriesAsync();
        await CompareMeetingsAsync();
        await CompareRepresentativesAsync();
        return new ConsistencyReport(lost, duplicated, reordered, details);
    }

    /// <summary>Why the messages in _error queues failed (MassTransit's fault headers); they stay in their queues.</summary>
    private async Task ListFaultsAsync()
    {
        var factory = new ConnectionFactory { HostName = rabbit.Host, Port = rabbit.Port, UserName = rabbit.Username,
            Password = rabbit.Password };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var queue in (await rabbit.QueuesAsync()).Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal)
            && q.Messages > 0))
        {
            for (var i = 0; i < Math.Min(queue.Messages, 5); i++)
            {
                // Not acknowledged: the channel's close puts it back.
                if (await channel.BasicGetAsync(queue.Name, autoAck: false) is { } message)
                {
                    details.Add($"fault in {queue.Name}: {Header(message, "MT-Fault-ExceptionType")}: " +
                        Header(message, "MT-Fault-Message"));
                }
            }
        }

        static string Header(BasicGetResult message, string name) =>
            message.BasicProperties.Headers?.TryGetValue(name, out var value) == true && value is byte[] bytes
                ? System.Text.Encoding.UTF8.GetString(bytes) : "?";
    }

    /// <summary>Every owner's event of the network, against the inbox of every queue bound to its type.</summary>
    private async Task CompareDeliveriesAsync()
    {
        var published = new List<(Guid MessageId, string Type, string AggregateId)>();
        foreach (var service in platform.Services)
        {
            await foreach (var row in QueryAsync(service.Name,
                "SELECT message_id, message_type, aggregate_id FROM outbox WHERE network_id = @network",
                reader => (reader.GetGuid(0), reader.GetString(1), reader.GetString(2))))
            {
                published.Add(row);
            }
        }
        var bindings = await rabbit.CtlAsync("list_bindings", "-p", "/", "--no-table-headers", "source_name", "destination_name");
        var typesByQueue = bindings.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && parts[0].Contains(':', StringComparison.Ordinal) && ServiceQueue().IsMatch(parts[1]))
            .GroupBy(parts => parts[1], parts => parts[0].Replace(':', '.'));
        foreach (var queue in typesByQueue)
        {
            var service = queue.Key[..queue.Key.IndexOf('.', StringComparison.Ordinal)];
            if (!platform.Services.Any(s => s.Name == service))
            {
                continue;
            }
            var handled = new HashSet<Guid>();
            await foreach (var id in QueryAsync(service, "SELECT message_id FROM inbox WHERE consumer = @consumer", reader =>
                reader.GetGuid(0), queue.Key))
            {
                handled.Add(id);
            }
            var types = queue.ToHashSet(StringComparer.Ordinal);
            foreach (var missing in published.Where(m => types.Contains(m.Type) && !handled.Contains(m.MessageId)))
            {
                Lost($"{queue.Key} never handled {missing.Type} {missing.MessageId} of {missing.AggregateId}", missing.AggregateId);
            }
        }
    }

    /// <summary>The meetings service's meetings against reporting's meeting facts.</summary>
    private async Task CompareMeetingsAsync()
    {
        var facts = new Dictionary<string, JsonElement>();
        await foreach (var (id, body) in QueryAsync("reporting",
            "SELECT id, body::text FROM documents WHERE collection = 'meetings' AND network_id = @network",
            reader => (reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone())))
        {
            facts[id] = body;
        }
        var meetings = new MeetingsService.MeetingsServiceClient(platform["meetings"].Channel);
        var owned = new HashSet<string>();
        string? token = null;
        do
        {
            var page = await meetings.ListMeetingsAsync(new ListMeetingsRequest { NetworkId = networkId, PageSize = 200,
                PageToken = token ?? "" }, await SecretariatAsync(), Soon);
            foreach (var meeting in page.Meetings)
            {
                owned.Add(meeting.MeetingId);
                CompareMeeting(meeting, facts.GetValueOrDefault(meeting.MeetingId));
            }
            token = page.NextPageToken.Length > 0 ? page.NextPageToken : null;
        }
        while (token is not null);
        foreach (var phantom in facts.Keys.Where(id => !owned.Contains(id)))
        {
            Duplicated($"reporting has meeting {phantom}, which the meetings service does not");
        }
    }

    private void CompareMeeting(Meeting meeting, JsonElement fact)
    {
        if (fact.ValueKind == JsonValueKind.Undefined)
        {
            Lost($"reporting lacks meeting {meeting.MeetingId}", meeting.MeetingId);
            return;
        }
        var state = meeting.Status switch
        {
            MeetingStatus.Held => 1,
            MeetingStatus.Cancelled => 2,
            _ => 0,
        };
        var attendance = fact.GetProperty("attendance").GetArrayLength();
        var decisions = meeting.Minutes?.Status == MinutesStatus.Published ? meeting.Decisions.Count : 0;
        Count($"meeting {meeting.MeetingId}: attendance", meeting.Attendance.Count, attendance, meeting.MeetingId);
        Count($"meeting {meeting.MeetingId}: published decisions", decisions, fact.GetProperty("decisionCount").GetInt32(),
            meeting.MeetingId);
        var start = fact.GetProperty("startsAt").GetDateTimeOffset();
        Same($"meeting {meeting.MeetingId}: state", state, fact.GetProperty("state").GetInt32(), meeting.MeetingId);
        Same($"meeting {meeting.MeetingId}: start", meeting.StartTime.ToDateTimeOffset(), start, meeting.MeetingId);
    }

    /// <summary>
    /// Membership's representatives against reporting's appointments, and against the groups: a withdrawn representative is
    /// in no group for that organisation any more, and reporting shows every group's participants as the groups service does.
    /// </summary>
    private async Task CompareRepresentativesAsync()
    {
        var appointments = new Dictionary<string, bool>();
        await foreach (var (id, ended) in QueryAsync("reporting",
            "SELECT id, body->>'end' IS NOT NULL FROM documents WHERE collection = 'appointments' AND network_id = @network",
            reader => (reader.GetString(0), reader.GetBoolean(1))))
        {
            appointments[id] = ended;
        }
        var representatives = new List<Representative>();
        var client = new RepresentativeService.RepresentativeServiceClient(platform["membership"].Channel);
        string? token = null;
        do
        {
            var page = await client.ListRepresentativesAsync(new ListRepresentativesRequest { NetworkId = networkId, PageSize = 200,
                PageToken = token ?? "" }, await SecretariatAsync(), Soon);
            representatives.AddRange(page.Representatives);
            token = page.NextPageToken.Length > 0 ? page.NextPageToken : null;
        }
        while (token is not null);

        var groups = await new GroupsService.GroupsServiceClient(platform["groups"].Channel)
            .ListGroupsAsync(new ListGroupsRequest { NetworkId = networkId, PageSize = 200 }, await SecretariatAsync(), Soon);
        var inGroups = groups.Groups.SelectMany(g => g.Participants.Select(p => (g.GroupId, p.PersonId, p.OrganisationId))).ToList();
        foreach (var representative in representatives)
        {
            if (!appointments.TryGetValue(representative.Id, out var ended))
            {
                Lost($"reporting lacks appointment {representative.Id}", representative.OrganisationId);
                continue;
            }
            Same($"appointment {representative.Id}: ended", !representative.Active, ended, representative.OrganisationId);
            var stillIn = inGroups.Where(p => !representative.Active && p.PersonId == representative.PersonId
                && p.OrganisationId == representative.OrganisationId);
            foreach (var (groupId, _, _) in stillIn)
            {
                Same($"withdrawn representative {representative.PersonId} in group {groupId}", false, true, representative.OrganisationId);
            }
        }

        var open = new HashSet<string>();
        await foreach (var id in QueryAsync("reporting",
            "SELECT id FROM documents WHERE collection = 'participations' AND network_id = @network AND body->>'leftAt' IS NULL",
            reader => reader.GetString(0)))
        {
            open.Add(id);
        }
        foreach (var (groupId, personId, _) in inGroups)
        {
            Same($"participation {groupId}/{personId}: open in reporting", true, open.Remove($"{groupId}/{personId}"), groupId);
        }
        foreach (var left in open)
        {
            Same($"participation {left}: open in reporting", false, true, left[..left.IndexOf('/', StringComparison.Ordinal)]);
        }
    }

    private void Lost(string what, string aggregateId)
    {
        lost++;
        lostAggregates.Add(aggregateId);
        details.Add("lost: " + what);
    }

    private void Duplicated(string what)
    {
        duplicated++;
        details.Add("duplicated: " + what);
    }

    /// <summary>A count the copy must have as the owner has it: fewer is lost, more is duplicated.</summary>
    private void Count(string what, int owner, int copy, string aggregateId)
    {
        if (copy < owner)
        {
            Lost($"{what}: owner {owner}, copy {copy}", aggregateId);
        }
        else if (copy > owner)
        {
            Duplicated($"{what}: owner {owner}, copy {copy}");
        }
    }

    /// <summary>A value the copy must end with: different although nothing about the aggregate was lost is reordered.</summary>
    private void Same<T>(string what, T owner, T copy, string aggregateId)
    {
        if (!EqualityComparer<T>.Default.Equals(owner, copy) && !lostAggregates.Contains(aggregateId))
        {
            reordered++;
            details.Add($"reordered: {what}: owner {owner}, copy {copy}");
        }
    }

    private static DateTime Soon => DateTime.UtcNow + CallTimeout;

    private async Task<long> ScalarAsync(string service, string sql)
    {
        await using var connection = Connect(service);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async IAsyncEnumerable<T> QueryAsync<T>(string service, string sql, Func<NpgsqlDataReader, T> read, string consumer = "")
    {
        await using var connection = Connect(service);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("network", networkId);
        command.Parameters.AddWithValue("consumer", consumer);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            yield return read(reader);
        }
    }

    /// <summary>Unpooled: a pooled connection from before a database restart would fail its first use.</summary>
    private NpgsqlConnection Connect(string service) =>
        new(new NpgsqlConnectionStringBuilder(platform.DatabaseOf(service)) { Pooling = false }.ConnectionString);

    /// <summary>A handler's durable queue, "service.handler-name" (not its _error queue, nor a listener's temporary one).</summary>
    [GeneratedRegex("^(membership|groups|meetings|reporting)\\.[a-z-]+$")]
    private static partial Regex ServiceQueue();
}

/// <summary>The broker and the outboxes: settled when every service queue has a consumer and nothing is left to send or handle.</summary>
public sealed record PlumbingState(IReadOnlyList<string> QueuesWithoutConsumers, long MessagesInQueues, long MessagesInErrorQueues,
    long UnsentOutboxMessages)
{
    public bool Settled => QueuesWithoutConsumers.Count == 0 && MessagesInQueues == 0 && UnsentOutboxMessages == 0;

    public override string ToString() =>
        $"queues without consumers: {(QueuesWithoutConsumers.Count == 0 ? "none" : string.Join(", ", QueuesWithoutConsumers))}; " +
        $"messages in queues {MessagesInQueues}, in _error queues {MessagesInErrorQueues}; unsent outbox messages {UnsentOutboxMessages}";
}

public sealed record ConsistencyReport(int Lost, int Duplicated, int Reordered, IReadOnlyList<string> Details)
{
    public override string ToString() =>
        $"lost {Lost}, duplicated {Duplicated}, reordered {Reordered}" +
            (Details.Count == 0 ? "" : "\n  " + string.Join("\n  ", Details.Take(30)));
}
