using System.Text.Json;
using NetworkPlatform.Events;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Postgres;
using NetworkPlatform.Storage.Sqlite;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>The clock the tests move by hand.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The groups service's answers for feature tests (the gRPC API tests use a real gRPC peer instead).</summary>
internal sealed class FixedGroups : IGroupDirectory
{
    public Dictionary<string, GroupInfo> Groups { get; } = new()
    {
        ["g-digital"] = new("g-digital", "Digital mobbing", "WorkingGroup", true, "", Samples.Participants),
        ["g-skole"] = new("g-skole", "Skole og barnehage", "WorkingGroup", true, "", [new("p-per", "Per Olsen", "per@ks.no", "leader")]),
        ["g-partnermote"] = new("g-partnermote", "Partnermøtet", "PartnerMeeting", true, "", [new("p-kari", "Kari Nordmann",
            "kari@bergen.kommune.no", "member")]),
    };

    public Task<GroupInfo> GetGroupAsync(string networkId, string groupId, CancellationToken cancellationToken) =>
        Groups.TryGetValue(groupId, out var group) ? Task.FromResult(group) : throw Hosting.Errors.RpcErrors.NotFound("group", groupId);

    public Task<IReadOnlyList<GroupInfo>> ListGroupsAsync(string networkId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupInfo>>(Groups.Values.ToList());

    /// <summary>The action plan's measures.</summary>
    public HashSet<string> Measures { get; } = ["tiltak-1", "tiltak-2"];

    public Task EnsureMeasuresExistAsync(string networkId, IReadOnlyCollection<string> measureIds, CancellationToken cancellationToken) =>
        measureIds.FirstOrDefault(id => !Measures.Contains(id)) is { } missing
            ? throw new Application.Failures.NotFoundException("networkplatform.groups.v1.Measure",
                $"networks/{networkId}/measures/{missing}")
            : Task.CompletedTask;
}

/// <summary>The membership service's answer for feature tests: the network's languages (English unless a test sets others).</summary>
internal sealed class FixedLanguages : INetworkLanguages
{
    public IReadOnlyList<string> Languages { get; set; } = ["en"];

    public Task<IReadOnlyList<string>> LanguagesAsync(string networkId, CancellationToken cancellationToken) =>
        Task.FromResult(Languages);
}

/// <summary>The meetings use cases on a real SQLite database in a temporary folder.</summary>
internal sealed class MeetingsFixture : IAsyncDisposable
{
    public const string Network = "n-partnerskap";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"meetings-tests-{Guid.NewGuid():N}");

    private MeetingsFixture(Func<string, object> openAdapter)
    {
        Directory.CreateDirectory(folder);
        var adapter = openAdapter(folder);
        Store = (IDocumentStore)adapter;
        Outbox = (IOutbox)adapter;
        Schema = (IStorageDatabase)adapter;
        Context = new MeetingsContext(Store, Groups, Languages, Clock);
    }

    public IDocumentStore Store { get; }

    public IOutbox Outbox { get; }

    private IStorageDatabase Schema { get; }

    public MeetingsDatabase Database => Context.Database;

    public FixedGroups Groups { get; } = new();

    public FixedLanguages Languages { get; } = new();

    public ManualClock Clock { get; } = new(Samples.Local(2026, 1, 5, 9));

    public MeetingsContext Context { get; }

    public static Caller Secretariat { get; } = new("u-secretariat", Network, null, "p-sekretariat",
        new HashSet<string> { Roles.Secretariat });

    public static Caller Kari { get; } = new("u-kari", Network, "o-bergen", "p-kari", new HashSet<string> { Roles.GroupLeader,
        Roles.Representative });

    public static Caller Per { get; } = new("u-per", Network, "o-ks", "p-per", new HashSet<string> { Roles.GroupLeader });

    public static Task<MeetingsFixture> StartAsync(bool withSecretariatAddress = true) =>
        StartAsync(folder => new SqliteDocumentStore(Path.Combine(folder, "meetings.db")), withSecretariatAddress);

    /// <summary>The same use cases on a fresh database of the shared private PostgreSQL server.</summary>
    public static async Task<MeetingsFixture> StartOnPostgresAsync(bool withSecretariatAddress = true)
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync("meetings");
        return await StartAsync(_ => new PostgresDocumentStore(server.ConnectionString(database)), withSecretariatAddress);
    }

    private static async Task<MeetingsFixture> StartAsync(Func<string, object> openAdapter, bool withSecretariatAddress)
    {
        var fixture = new MeetingsFixture(openAdapter);
        await fixture.Schema.MigrateAsync(MeetingsCollections.All);
        if (withSecretariatAddress)
        {
            await using var unitOfWork = await fixture.Store.BeginAsync();
            await unitOfWork.InsertAsync(MeetingsCollections.Settings, Network,
                NetworkSettings.Default(Network).Update(secretariat: Samples.Secretariat));
            await unitOfWork.CommitAsync();
        }
        return fixture;
    }

    public T Feature<T>() => (T)Activator.CreateInstance(typeof(T), Context)!;

    /// <summary>An interim meeting of g-digital on 10 March 2026, its invitations sent by the secretariat.</summary>
    public async Task<Versioned<Meeting>> InvitedMeetingAsync()
    {
        var meeting = await Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(V1.MeetingKind.Interim, Samples.Local(2026, 3, 10)),
            Secretariat, default);
        await Feature<SendInvitations>().RunAsync(new V1.SendInvitationsRequest { NetworkId = Network, MeetingId = meeting.Document.Id },
            Secretariat, default);
        return meeting;
    }

    /// <summary>The events in the outbox so far, of one type, in commit order.</summary>
    public async Task<List<TEvent>> EventsAsync<TEvent>() where TEvent : IDomainEvent =>
        (await Outbox.ReadPendingAsync(10_000))
            .Where(p => p.Message.MessageType == typeof(TEvent).FullName)
            .Select(p => JsonSerializer.Deserialize<TEvent>(p.Message.Payload, UnitOfWorkEventExtensions.EventJson)!)
            .ToList();

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
