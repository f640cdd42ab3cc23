using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Application.Tests;

public sealed record Counter(string Id, int Value, IReadOnlyList<string> Writers);

public sealed record Note(string Id, string Text);

public class WritesTests
{
    private const string Network = "partnerskap";

    private static readonly Resource<Counter> Counters = new(new DocumentCollection<Counter>("counters", c => c.Id), "test.Counter", "counters");

    private static readonly Resource<Note> Notes = new(new DocumentCollection<Note>("notes", n => n.Id), "test.Note", "notes");

    private static Caller Caller(string subject) => new(subject, Network, null, null, new HashSet<string>());

    private static Writes WritesOn(IDocumentStore store) => new(store, new IdempotencyKeys(TimeProvider.System));

    [Theory]
    [MemberData(nameof(Stores.Providers), MemberType = typeof(Stores))]
    public async Task fifty_concurrent_writes_without_an_etag_all_succeed(string provider)
    {
        var writes = WritesOn(await Stores.CreateAsync(provider));
        await writes.CreateAsync(Counters, Network, null, _ => Task.FromResult(Change<Counter>.Quiet(new Counter("c-1", 0, []))), default);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() => writes.ChangeAsync(Counters, Network, "c-1", "",
            counter => Change<Counter>.Quiet(counter with { Value = counter.Value + 1, Writers = [.. counter.Writers, $"w{i}"] }), default))));

        var final = await writes.Store.RequireAsync(Counters, Network, "c-1", default);
        Assert.Equal(50, final.Document.Value);
        Assert.Equal(50, final.Document.Writers.Distinct().Count());
        Assert.Equal(50, results.Select(r => r.Version).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Stores.Providers), MemberType = typeof(Stores))]
    public async Task a_stale_etag_is_refused_with_the_current_one_and_nothing_changes(string provider)
    {
        var writes = WritesOn(await Stores.CreateAsync(provider));
        var created = await writes.CreateAsync(Counters, Network, null, _ => Task.FromResult(Change<Counter>.Quiet(new Counter("c-1", 0, []))), default);
        await writes.ChangeAsync(Counters, Network, "c-1", created.ETag, c => Change<Counter>.Quiet(c with { Value = 1 }), default);

        var stale = await Assert.ThrowsAsync<StaleEtagException>(() =>
            writes.ChangeAsync(Counters, Network, "c-1", created.ETag, c => Change<Counter>.Quiet(c with { Value = 99 }), default));

        Assert.Equal("2", stale.CurrentEtag);
        Assert.Equal(1, (await writes.Store.RequireAsync(Counters, Network, "c-1", default)).Document.Value);
    }

    [Theory]
    [MemberData(nameof(Stores.Providers), MemberType = typeof(Stores))]
    public async Task fifty_concurrent_retries_of_one_request_id_get_the_same_resource(string provider)
    {
        var writes = WritesOn(await Stores.CreateAsync(provider));
        var key = IdempotencyKey.For("CreateNote", Caller("alice"), "5b0a4a8e-6f5d-4a8e-9a59-0a6f1d7d0c11", new { Text = "hello" });

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            writes.CreateAsync(Notes, Network, key, _ => Task.FromResult(Change<Note>.Quiet(new Note(Guid.NewGuid().ToString("N"), "hello"))), default))));

        Assert.Single(results.Select(r => r.Document.Id).Distinct());
        var all = await writes.Store.QueryAsync(Notes.Collection, Network, Notes.Collection.Query().Page(100), default);
        Assert.Single(all.Items);
    }

    [Theory]
    [MemberData(nameof(Stores.Providers), MemberType = typeof(Stores))]
    public async Task a_request_id_reused_for_other_content_is_refused_and_another_callers_equal_id_is_their_own(string provider)
    {
        var writes = WritesOn(await Stores.CreateAsync(provider));
        const string requestId = "5b0a4a8e-6f5d-4a8e-9a59-0a6f1d7d0c11";
        Task<Versioned<Note>> CreateAsync(string caller, string text) =>
            writes.CreateAsync(Notes, Network, IdempotencyKey.For("CreateNote", Caller(caller), requestId, new { Text = text }),
                _ => Task.FromResult(Change<Note>.Quiet(new Note(Guid.NewGuid().ToString("N"), text))), default);
        var first = await CreateAsync("alice", "hello");

        var reused = await Assert.ThrowsAsync<AlreadyExistsException>(() => CreateAsync("alice", "something else"));
        var bobs = await CreateAsync("bob", "hello");

        Assert.Equal("REQUEST_ID_REUSED", reused.Reason);
        Assert.NotEqual(first.Document.Id, bobs.Document.Id);
        Assert.Equal(first.Document.Id, (await CreateAsync("alice", "hello")).Document.Id);
    }

    [Fact]
    public async Task a_key_older_than_its_lifetime_counts_as_unused()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var writes = new Writes(await Stores.CreateAsync(Stores.Sqlite), new IdempotencyKeys(clock));
        var key = IdempotencyKey.For("CreateNote", Caller("alice"), "5b0a4a8e-6f5d-4a8e-9a59-0a6f1d7d0c11", new { Text = "hello" });
        Task<Versioned<Note>> CreateAsync() =>
            writes.CreateAsync(Notes, Network, key, _ => Task.FromResult(Change<Note>.Quiet(new Note(Guid.NewGuid().ToString("N"), "hello"))), default);
        var first = await CreateAsync();

        clock.Advance(IdempotencyKeys.Lifetime + TimeSpan.FromMinutes(1));

        Assert.NotEqual(first.Document.Id, (await CreateAsync()).Document.Id);
    }

    [Fact]
    public async Task a_change_that_returns_the_same_document_writes_nothing()
    {
        var writes = WritesOn(await Stores.CreateAsync(Stores.Sqlite));
        var created = await writes.CreateAsync(Counters, Network, null, _ => Task.FromResult(Change<Counter>.Quiet(new Counter("c-1", 0, []))), default);

        var unchanged = await writes.ChangeAsync(Counters, Network, "c-1", "", Change<Counter>.Quiet, default);

        Assert.Equal(created.Version, unchanged.Version);
    }

    [Fact]
    public async Task changing_a_missing_document_is_not_found_with_its_resource_name()
    {
        var writes = WritesOn(await Stores.CreateAsync(Stores.Sqlite));

        var missing = await Assert.ThrowsAsync<NotFoundException>(() => writes.ChangeAsync(Counters, Network, "nope", "", Change<Counter>.Quiet, default));

        Assert.Equal(("test.Counter", "networks/partnerskap/counters/nope"), (missing.ResourceType, missing.Name));
    }

    [Theory]
    [MemberData(nameof(Stores.Providers), MemberType = typeof(Stores))]
    public async Task writes_within_a_lent_unit_commit_or_roll_back_with_it(string provider)
    {
        var writes = WritesOn(await Stores.CreateAsync(provider));
        await writes.CreateAsync(Counters, Network, null, _ => Task.FromResult(Change<Counter>.Quiet(new Counter("c-1", 0, []))), default);
        Task<Versioned<Counter>> IncrementWithinAsync(IUnitOfWork unit) => writes.Within(unit).ChangeAsync(Counters, Network, "c-1", "",
            c => Change<Counter>.Quiet(c with { Value = c.Value + 1 }), default);

        await using (var rolledBack = await writes.Store.BeginAsync())
        {
            await IncrementWithinAsync(rolledBack);
        }
        var afterRollback = (await writes.Store.RequireAsync(Counters, Network, "c-1", default)).Document.Value;
        await using (var committed = await writes.Store.BeginAsync())
        {
            await IncrementWithinAsync(committed);
            await committed.CommitAsync();
        }

        Assert.Equal(0, afterRollback);
        Assert.Equal(1, (await writes.Store.RequireAsync(Counters, Network, "c-1", default)).Document.Value);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
