namespace NetworkPlatform.Storage.Tests.Contract;

/// <summary>
/// What every storage adapter must do. Each test gets a fresh, migrated database of its own.
/// Subclasses say how to create a database and how to open an adapter on it.
/// </summary>
public abstract class DocumentStoreContract : IAsyncLifetime
{
    private const string NetworkA = "network-a";
    private const string NetworkB = "network-b";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly DocumentCollection<Meeting> Meetings = Meeting.Collection;

    private readonly List<StorageUnderTest> opened = [];

    private string location = "";

    private IDocumentStore Store => opened[0].Documents;

    private IOutbox Outbox => opened[0].Outbox;

    /// <summary>A new empty database (a file path, a connection string).</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract StorageUnderTest Open(string databaseLocation);

    public async Task InitializeAsync()
    {
        location = await CreateDatabaseAsync();
        await OpenTracked(location).Database.MigrateAsync([Meetings]);
    }

    public async Task DisposeAsync()
    {
        foreach (var storage in opened)
        {
            await storage.DisposeAsync();
        }
    }

    [Fact]
    public async Task an_inserted_document_comes_back_at_version_1()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", "ada", "Kick-off");

        var version = await InsertAsync(NetworkA, meeting);

        Assert.Equal(1, version);
        var stored = await Store.GetAsync(Meetings, NetworkA, "m-1");
        Assert.Equal(new Versioned<Meeting>(meeting, 1), stored);
        Assert.Equal("1", stored!.ETag);
        Assert.Null(await Store.GetAsync(Meetings, NetworkA, "m-2"));
    }

    [Fact]
    public async Task a_unit_of_work_reads_its_own_uncommitted_writes_and_others_do_not()
    {
        await using var unit = await Store.BeginAsync();
        await unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "Kick-off"));

        Assert.Equal(1, (await unit.GetAsync(Meetings, NetworkA, "m-1"))?.Version);
        Assert.Equal(["m-1"], Ids(await unit.QueryAsync(Meetings, NetworkA, Meetings.Query().Where(m => m.GroupId,
            "g-1").OrderBy(m => m.Start))));
        Assert.Null(await Store.GetAsync(Meetings, NetworkA, "m-1"));
        Assert.Empty((await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1").OrderBy(m => m.Start))).Items);
    }

    [Fact]
    public async Task a_committed_unit_refuses_further_changes()
    {
        await using var unit = await Store.BeginAsync();
        await unit.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
        await unit.CommitAsync();

        await Assert.ThrowsAnyAsync<InvalidOperationException>(
            () => unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "a")));
        Assert.Null(await Store.GetAsync(Meetings, NetworkA, "m-1"));
    }

    [Fact]
    public async Task inserting_a_taken_id_throws_duplicate_keeps_the_original_and_leaves_the_unit_usable()
    {
        var original = new Meeting("m-1", "g-1", "startup", null, "Original");
        await InsertAsync(NetworkA, original);

        await using (var unit = await Store.BeginAsync())
        {
            var duplicate = await Assert.ThrowsAsync<DuplicateDocumentException>(
                () => unit.InsertAsync(Meetings, NetworkA, original with { Title = "Impostor" }));
            Assert.Equal(("meetings", "m-1"), (duplicate.Collection, duplicate.Id));

            // PostgreSQL aborts a transaction on a failed statement; the adapter must not let that happen here.
            await unit.InsertAsync(Meetings, NetworkA, new Meeting("m-2", "g-1", "interim", null, "Next"));
            await unit.CommitAsync();
        }

        Assert.Equal("Original", (await Store.GetAsync(Meetings, NetworkA, "m-1"))!.Document.Title);
        Assert.NotNull(await Store.GetAsync(Meetings, NetworkA, "m-2"));
    }

    [Fact]
    public async Task replacing_at_the_current_version_stores_the_change_at_the_next_version()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", null, "Kick-off");
        await InsertAsync(NetworkA, meeting);

        var first = await ReplaceAsync(NetworkA, meeting with { Title = "Kick-off, moved" }, 1);
        var second = await ReplaceAsync(NetworkA, meeting with { Title = "Kick-off, final" }, first);

        Assert.Equal((2, 3), (first, second));
        Assert.Equal(new Versioned<Meeting>(meeting with { Title = "Kick-off, final" }, 3), await Store.GetAsync(Meetings, NetworkA, "m-1"));
    }

    [Fact]
    public async Task replacing_at_a_stale_version_throws_a_conflict_carrying_the_current_version()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", null, "Kick-off");
        await InsertAsync(NetworkA, meeting);
        await ReplaceAsync(NetworkA, meeting with { Title = "Second" }, 1);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => ReplaceAsync(NetworkA, meeting with { Title = "Lost update" }, 1));

        Assert.Equal(2, conflict.CurrentVersion);
        Assert.Equal(("meetings", "m-1"), (conflict.Collection, conflict.Id));
        Assert.Equal("Second", (await Store.GetAsync(Meetings, NetworkA, "m-1"))!.Document.Title);
    }

    [Fact]
    public async Task replacing_or_deleting_a_missing_document_throws_not_found()
    {
        await Assert.ThrowsAsync<DocumentNotFoundException>(
            () => ReplaceAsync(NetworkA, new Meeting("ghost", "g-1", "startup", null, "?"), 1));
        await using var unit = await Store.BeginAsync();
        await Assert.ThrowsAsync<DocumentNotFoundException>(() => unit.DeleteAsync(Meetings, NetworkA, "ghost", 1));
    }

    [Fact]
    public async Task deleting_checks_the_version_then_removes_the_document_and_its_index_entries()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", "ada", "Kick-off");
        await InsertAsync(NetworkA, meeting);
        await ReplaceAsync(NetworkA, meeting, 1);

        await using (var stale = await Store.BeginAsync())
        {
            var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale.DeleteAsync(Meetings, NetworkA, "m-1", 1));
            Assert.Equal(2, conflict.CurrentVersion);
        }
        await using (var unit = await Store.BeginAsync())
        {
            await unit.DeleteAsync(Meetings, NetworkA, "m-1", 2);
            await unit.CommitAsync();
        }

        Assert.Null(await Store.GetAsync(Meetings, NetworkA, "m-1"));
        Assert.Empty((await QueryAsync(NetworkA, Meetings.Query().Where(m => m.Chair, "ada"))).Items);
        Assert.Equal(1, await InsertAsync(NetworkA, meeting));
    }

    [Fact]
    public async Task an_aggregate_stream_counts_from_1_per_network_type_and_id_and_a_rollback_gives_its_versions_back()
    {
        await using (var unit = await Store.BeginAsync())
        {
            Assert.Equal(1, await unit.NextAggregateVersionAsync("n1", "Group", "g1"));
            Assert.Equal(2, await unit.NextAggregateVersionAsync("n1", "Group", "g1"));
            Assert.Equal(1, await unit.NextAggregateVersionAsync("n1", "AnnualWheel", "g1"));
            Assert.Equal(1, await unit.NextAggregateVersionAsync("n2", "Group", "g1"));
            await unit.CommitAsync();
        }
        await using (var rolledBack = await Store.BeginAsync())
        {
            Assert.Equal(3, await rolledBack.NextAggregateVersionAsync("n1", "Group", "g1"));
        }
        await using var next = await Store.BeginAsync();
        Assert.Equal(3, await next.NextAggregateVersionAsync("n1", "Group", "g1"));
    }

    [Fact]
    public async Task two_concurrent_updates_of_one_aggregate_one_wins_and_the_other_conflicts_with_the_winners_version()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", null, "Kick-off");
        await InsertAsync(NetworkA, meeting);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<object> UpdateAsync(string title)
        {
            await go.Task;
            try
            {
                await using var unit = await Store.BeginAsync();
                var version = await unit.ReplaceAsync(Meetings, NetworkA, meeting with { Title = title }, 1);
                await Task.Delay(100); // hold the change open so the other writer has to meet it
                await unit.CommitAsync();
                return version;
            }
            catch (ConcurrencyConflictException conflict)
            {
                return conflict;
            }
        }

        var left = Task.Run(() => UpdateAsync("left"));
        var right = Task.Run(() => UpdateAsync("right"));
        go.SetResult();
        var outcomes = await Task.WhenAll(left, right).WaitAsync(Patience);

        Assert.Equal(2L, Assert.Single(outcomes.OfType<long>()));
        Assert.Equal(2, Assert.Single(outcomes.OfType<ConcurrencyConflictException>()).CurrentVersion);
        var stored = await Store.GetAsync(Meetings, NetworkA, "m-1");
        Assert.Equal(2, stored!.Version);
        Assert.Equal(outcomes[0] is long ? "left" : "right", stored.Document.Title);
    }

    [Fact]
    public async Task a_network_never_sees_or_changes_another_networks_documents()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", "ada", "A's meeting");
        await InsertAsync(NetworkA, meeting);

        Assert.Null(await Store.GetAsync(Meetings, NetworkB, "m-1"));
        Assert.Empty((await QueryAsync(NetworkB, Meetings.Query())).Items);
        Assert.Empty((await QueryAsync(NetworkB, Meetings.Query().Where(m => m.GroupId, "g-1"))).Items);
        await Assert.ThrowsAsync<DocumentNotFoundException>(() => ReplaceAsync(NetworkB, meeting with { Title = "hijack" }, 1));
        await using (var unit = await Store.BeginAsync())
        {
            await Assert.ThrowsAsync<DocumentNotFoundException>(() => unit.DeleteAsync(Meetings, NetworkB, "m-1", 1));
        }

        // The same id in another network is another document.
        Assert.Equal(1, await InsertAsync(NetworkB, meeting with { Title = "B's meeting" }));
        await ReplaceAsync(NetworkB, meeting with { Title = "B's meeting, moved" }, 1);
        Assert.Equal(new Versioned<Meeting>(meeting, 1), await Store.GetAsync(Meetings, NetworkA, "m-1"));
        Assert.Equal("B's meeting, moved", (await Store.GetAsync(Meetings, NetworkB, "m-1"))!.Document.Title);
        Assert.Equal(["m-1"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1"))));
    }

    [Fact]
    public async Task indexed_queries_match_every_filter_and_come_in_id_order()
    {
        await InsertAsync(NetworkA,
            new Meeting("m-3", "g-1", "interim", "ada", "c"),
            new Meeting("m-1", "g-1", "startup", null, "a"),
            new Meeting("m-2", "g-2", "interim", "ada", "b"),
            new Meeting("m-4", "g-1", "interim", null, "d"));

        Assert.Equal(["m-1", "m-3", "m-4"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1"))));
        Assert.Equal(["m-3", "m-4"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.Kind, "interim").Where(m => m.GroupId,
            "g-1"))));
        Assert.Equal(["m-2", "m-3"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.Chair, "ada"))));
        Assert.Equal(["m-1", "m-4"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.Chair, null))));
        Assert.Equal(["m-1", "m-2", "m-3", "m-4"], Ids(await QueryAsync(NetworkA, Meetings.Query())));
        // Chair is not in the group index: checked on the rows it yields.
        Assert.Equal(["m-3"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1").Where(m => m.Chair, "ada"))));
        Assert.Empty(Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-9"))));
        var page = await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-2"));
        Assert.Equal(new Versioned<Meeting>(new Meeting("m-2", "g-2", "interim", "ada", "b"), 1), Assert.Single(page.Items));
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public async Task index_entries_follow_replacements()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", "ada", "a");
        await InsertAsync(NetworkA, meeting);

        await ReplaceAsync(NetworkA, meeting with { GroupId = "g-2", Chair = null }, 1);

        Assert.Empty(Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1"))));
        Assert.Empty(Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.Chair, "ada"))));
        Assert.Equal(["m-1"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-2").Where(m => m.Kind, "startup"))));
    }

    [Fact]
    public async Task paging_visits_every_document_once_while_others_are_inserted()
    {
        // Even ids first; odd ids arrive between pages, on both sides of the cursor.
        await InsertAsync(NetworkA, [.. Enumerable.Range(0, 30).Select(i => new Meeting($"m-{i * 2:D3}", "g-1", "interim", null, "even"))]);
        await InsertAsync(NetworkA, new Meeting("m-001", "g-2", "interim", null, "other group"));
        var seen = new List<string>();
        var insertedAhead = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1").Page(7, token));
            seen.AddRange(Ids(page));
            token = page.NextPageToken;
            pages++;
            var cursor = int.Parse(seen[^1][2..], System.Globalization.CultureInfo.InvariantCulture);
            var behind = $"m-{cursor - 1:D3}";
            var ahead = $"m-{cursor + 1:D3}";
            await InsertAsync(NetworkA, new Meeting(behind, "g-1", "interim", null, "late, behind the cursor"));
            if (token is not null)
            {
                await InsertAsync(NetworkA, new Meeting(ahead, "g-1", "interim", null, "late, ahead of the cursor"));
                insertedAhead.Add(ahead);
            }
        }
        while (token is not null && pages < 100);

        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Superset(Enumerable.Range(0, 30).Select(i => $"m-{i * 2:D3}").ToHashSet(), seen.ToHashSet());
        Assert.Superset(insertedAhead.ToHashSet(), seen.ToHashSet());
        Assert.DoesNotContain("m-001", seen);
    }

    [Fact]
    public async Task range_queries_come_ordered_by_the_field_then_the_id_in_either_direction()
    {
        await InsertAsync(NetworkA,
            new Meeting("m-1", "g-1", "startup", null, "a", At(10)),
            new Meeting("m-2", "g-2", "interim", null, "b", At(20)),
            new Meeting("m-3", "g-1", "interim", null, "c", At(20)),
            new Meeting("m-4", "g-1", "interim", null, "d", At(30, fraction: 5)),
            new Meeting("m-5", "g-1", "interim", null, "e", At(30)),
            new Meeting("m-6", "g-1", "interim", null, "f", At(40)));
        await InsertAsync(NetworkB, new Meeting("m-7", "g-1", "interim", null, "other network", At(20)));

        Assert.Equal(["m-2", "m-3", "m-5", "m-4"], Ids(await QueryAsync(NetworkA, Meetings.Query().Between(m => m.Start, At(20), At(40)))));
        Assert.Equal(["m-4", "m-5", "m-3", "m-2"], Ids(await QueryAsync(NetworkA, Meetings.Query().Between(m => m.Start, At(20),
            At(40)).OrderBy(m => m.Start, descending: true))));
        Assert.Equal(["m-1", "m-3", "m-5", "m-4", "m-6"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId,
            "g-1").OrderBy(m => m.Start))));
        Assert.Equal(["m-3", "m-5"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1").Between(m => m.Start,
            At(20), At(30, fraction: 5)))));
        Assert.Equal(["m-5", "m-4", "m-6"], Ids(await QueryAsync(NetworkA, Meetings.Query().Between(m => m.Start, At(30), null))));
        // An instant given at another offset is the same instant.
        Assert.Equal(["m-1"], Ids(await QueryAsync(NetworkA, Meetings.Query().Between(m => m.Start, null,
            At(20).ToOffset(TimeSpan.FromHours(2))))));
        // Kind is in no index with Start: the start index serves, kind is checked on its rows.
        Assert.Equal(["m-1"], Ids(await QueryAsync(NetworkA, Meetings.Query().Where(m => m.Kind, "startup").OrderBy(m => m.Start))));
    }

    [Fact]
    public async Task an_integer_field_orders_as_a_number()
    {
        await InsertAsync(NetworkA,
            new Meeting("m-1", "g-1", "startup", null, "a", Priority: 10),
            new Meeting("m-2", "g-1", "startup", null, "b", Priority: 9),
            new Meeting("m-3", "g-1", "startup", null, "c", Priority: -1));

        Assert.Equal(["m-3", "m-2", "m-1"], Ids(await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Priority))));
        var first = await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Priority, descending: true).Page(2));
        var second = await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Priority, descending: true).Page(2, first.NextPageToken));
        Assert.Equal(["m-1", "m-2", "m-3"], [.. Ids(first), .. Ids(second)]);
    }

    [Fact]
    public async Task several_documents_come_in_one_read_and_a_page_continues_after_any_of_its_documents()
    {
        await InsertAsync(NetworkA, [.. Enumerable.Range(1, 5).Select(i => new Meeting($"m-{i}", "g-1", "interim", null, "t",
            At(10 - i)))]);
        await InsertAsync(NetworkB, new Meeting("m-6", "g-1", "interim", null, "other network"));

        var found = await Store.GetManyAsync(Meetings, NetworkA, ["m-2", "m-4", "missing", "m-6"]);
        Assert.Equal([("m-2", 1L), ("m-4", 1L)], found.Select(f => (f.Document.Id, f.Version)).Order());
        Assert.Empty(await Store.GetManyAsync(Meetings, NetworkA, []));

        var page = await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Start).Page(3));
        Assert.Equal(["m-5", "m-4", "m-3"], Ids(page));
        Assert.Equal(page.NextPageToken, page.TokenAfter(2));
        Assert.Equal(["m-4", "m-3", "m-2", "m-1"], Ids(await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Start).Page(10,
            page.TokenAfter(0)))));
    }

    [Fact]
    public async Task a_timestamp_not_in_utc_is_refused_before_it_is_stored()
    {
        await using var unit = await Store.BeginAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "a",
                At(1).ToOffset(TimeSpan.FromHours(1)))));
        Assert.Contains("ToUniversalTime", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task paging_by_a_field_visits_every_document_once_while_others_are_inserted(bool descending)
    {
        // Starts one hour apart, several ids per start; more arrive between pages, before and after the cursor.
        await InsertAsync(NetworkA, [.. Enumerable.Range(0, 40).Select(i => new Meeting($"m-{i:D3}", "g-1", "interim", null, "early",
            At(i / 3 * 60)))]);
        var seen = new List<Meeting>();
        string? token = null;
        for (var page = 0; page < 100; page++)
        {
            var result = await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1").OrderBy(m => m.Start,
                descending).Page(6, token));
            seen.AddRange(result.Items.Select(i => i.Document));
            token = result.NextPageToken;
            if (token is null)
            {
                break;
            }
            var cursor = seen[^1].Start;
            await InsertAsync(NetworkA,
                new Meeting($"late-{page:D2}-same", "g-1", "interim", null, "late, at the cursor's start", cursor),
                new Meeting($"late-{page:D2}-behind", "g-1", "interim", null, "late, behind", cursor.AddMinutes(descending ? 30 : -30)));
        }

        Assert.Null(token);
        Assert.Equal(seen.Count, seen.Select(m => m.Id).Distinct().Count());
        var expected = descending
            ? seen.OrderByDescending(m => m.Start).ThenByDescending(m => m.Id, StringComparer.Ordinal)
            : seen.OrderBy(m => m.Start).ThenBy(m => m.Id, StringComparer.Ordinal);
        Assert.Equal(expected.Select(m => m.Id), seen.Select(m => m.Id));
        Assert.Superset(Enumerable.Range(0, 40).Select(i => $"m-{i:D3}").ToHashSet(), seen.Select(m => m.Id).ToHashSet());
        Assert.DoesNotContain(seen, m => m.Id.EndsWith("-behind", StringComparison.Ordinal));
    }

    [Fact]
    public async Task each_kind_of_query_is_served_by_its_declared_index_without_sorting()
    {
        await InsertAsync(NetworkA, [.. Enumerable.Range(0, 300).Select(i => new Meeting($"m-{i:D3}", $"g-{i % 7}", i % 2 == 0
            ? "interim" : "startup", $"p-{i % 11}", "t", At(i), i % 5))]);
        var token = (await QueryAsync(NetworkA, Meetings.Query().Where(m => m.GroupId, "g-1").OrderBy(m => m.Start).Page(3))).NextPageToken;

        var queries = new (string Index, DocumentQuery<Meeting> Query)[]
        {
            ("group_start", Meetings.Query().Where(m => m.GroupId, "g-1").Between(m => m.Start, At(10), At(200))),
            ("group_start", Meetings.Query().Where(m => m.GroupId, "g-1").OrderBy(m => m.Start).Page(3, token)),
            ("group_start", Meetings.Query().Where(m => m.GroupId, "g-1").Where(m => m.Kind, "interim").OrderBy(m => m.Start,
                descending: true)),
            ("start", Meetings.Query().Between(m => m.Start, At(10), At(200)).OrderBy(m => m.Start, descending: true)),
            ("group_kind", Meetings.Query().Where(m => m.GroupId, "g-1").Where(m => m.Kind, "interim")),
            ("chair", Meetings.Query().Where(m => m.Chair, "p-3")),
            ("priority", Meetings.Query().OrderBy(m => m.Priority)),
        };
        foreach (var (index, query) in queries)
        {
            var plan = await ExplainAsync(opened[0], NetworkA, query);
            Assert.True(UsesIndexInOrder(plan, index), $"Expected {index} to serve the query, without a sort:\n{plan}");
        }
        // A later page starts at its token's key in the index, rather than reading the earlier pages again.
        var later = await ExplainAsync(opened[0], NetworkA, Meetings.Query().OrderBy(m => m.Start).Page(3,
            token is null ? null : (await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Start).Page(3))).NextPageToken));
        Assert.True(SeeksToTheKey(later), $"Expected the page to start at the token's key:\n{later}");
    }

    [Fact]
    public async Task a_database_as_the_former_version_left_it_keeps_its_documents_and_gets_the_declared_indexes()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", "ada", "Kick-off", At(5), 2);
        var former = await CreateFormerVersionDatabaseAsync(NetworkA, meeting);
        var storage = OpenTracked(former);

        await storage.Database.MigrateAsync([Meetings]);

        Assert.Equal(new Versioned<Meeting>(meeting, 1), await storage.Documents.GetAsync(Meetings, NetworkA, "m-1"));
        Assert.Equal(["m-1"], Ids(await storage.Documents.QueryAsync(Meetings, NetworkA, Meetings.Query().Where(m => m.GroupId,
            "g-1").Between(m => m.Start, At(0), At(10)))));
        Assert.True(UsesIndexInOrder(await ExplainAsync(storage, NetworkA, Meetings.Query().Where(m => m.GroupId,
            "g-1").OrderBy(m => m.Start)), "group_start"));
        var schema = await SchemaAsync(former);
        Assert.DoesNotContain("document_index", schema);
        Assert.Equal(Meetings.Indexes.Count, schema.Count(name => name.StartsWith("dx_meetings_", StringComparison.Ordinal)));

        // A version that declares fewer indexes drops the rest.
        await storage.Database.MigrateAsync([new DocumentCollection<Meeting>("meetings", m => m.Id).WithIndex("chair", m => m.Chair)]);
        Assert.Single(await SchemaAsync(former), name => name.StartsWith("dx_", StringComparison.Ordinal));
        Assert.Equal(["m-1"], Ids(await storage.Documents.QueryAsync(Meetings, NetworkA, Meetings.Query().Where(m => m.Chair, "ada"))));
    }

    [Fact]
    public async Task a_page_token_that_the_store_did_not_issue_is_rejected_with_a_clear_error()
    {
        await InsertAsync(NetworkA, new Meeting("m-1", "g-1", "startup", null, "a"));

        var error = await Assert.ThrowsAsync<InvalidPageTokenException>(
            () => QueryAsync(NetworkA, Meetings.Query().Page(10, "not a token!")));
        Assert.Contains("omit it", error.Message, StringComparison.Ordinal);
        var unindexed = await Assert.ThrowsAsync<ArgumentException>(() => QueryAsync(NetworkA, Meetings.Query().Where(m => m.Title, "a")));
        Assert.Contains("group_start (GroupId, Start)", unindexed.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Title)));
        await Assert.ThrowsAsync<ArgumentException>(() => QueryAsync(NetworkA, Meetings.Query().Between(m => m.Start, At(1),
            null).OrderBy(m => m.Priority)));

        // A token is for the order it was issued in: another order refuses it, as does a token of the former id-only format.
        var byStart = await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Start).Page(1));
        await InsertAsync(NetworkA, new Meeting("m-2", "g-1", "startup", null, "b"));
        var byStartAgain = await QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Start).Page(1));
        Assert.NotNull(byStartAgain.NextPageToken);
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => QueryAsync(NetworkA, Meetings.Query().OrderBy(m => m.Start,
            descending: true).Page(1, byStartAgain.NextPageToken)));
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => QueryAsync(NetworkA, Meetings.Query().Page(1,
            byStartAgain.NextPageToken)));
        var formerFormat = Convert.ToBase64String("after:m-1"u8).TrimEnd('=');
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => QueryAsync(NetworkA, Meetings.Query().Page(1, formerFormat)));
        Assert.Null(byStart.NextPageToken);
    }

    [Fact]
    public async Task a_rolled_back_unit_keeps_neither_its_documents_nor_its_outbox_messages()
    {
        await using (var unit = await Store.BeginAsync())
        {
            await unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "a"));
            await unit.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
            // Disposed without CommitAsync.
        }

        Assert.Null(await Store.GetAsync(Meetings, NetworkA, "m-1"));
        Assert.Empty(await Outbox.ReadPendingAsync(10));
    }

    [Fact]
    public async Task committed_outbox_messages_are_read_in_commit_order_until_marked_sent()
    {
        var first = Message("MeetingScheduled", "m-1", 1, traceParent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        var second = Message("AgendaSet", "m-1", 1);
        var third = Message("MeetingMoved", "m-1", 2, traceParent: "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"); // Alone in its unit.
        var fourth = Message("MeetingScheduled", "m-0", 1);
        await using (var unit = await Store.BeginAsync())
        {
            await unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "a"));
            await unit.EnqueueAsync(first);
            await unit.EnqueueAsync(second);
            await unit.CommitAsync();
        }
        await using (var unit = await Store.BeginAsync())
        {
            await unit.ReplaceAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "moved"), 1);
            await unit.EnqueueAsync(third);
            await unit.CommitAsync();
        }
        await using (var unit = await Store.BeginAsync())
        {
            await unit.EnqueueAsync(fourth);
            await unit.CommitAsync();
        }

        var pending = await Outbox.ReadPendingAsync(10);
        Assert.Equal([first, second, third, fourth], pending.Select(p => p.Message));
        Assert.Equal(pending.Select(p => p.Sequence).Order(), pending.Select(p => p.Sequence));
        Assert.Equal([first, second], (await Outbox.ReadPendingAsync(2)).Select(p => p.Message));

        await Outbox.MarkSentAsync([pending[0].Sequence, pending[1].Sequence]);

        Assert.Equal([third, fourth], (await Outbox.ReadPendingAsync(10)).Select(p => p.Message));
    }

    [Fact]
    public async Task events_of_one_aggregate_changed_by_racing_writers_leave_the_outbox_in_version_order()
    {
        var meeting = new Meeting("m-1", "g-1", "startup", null, "v1");
        await InsertAsync(NetworkA, meeting);

        var versionOfMessage = new System.Collections.Concurrent.ConcurrentDictionary<Guid, long>();

        async Task WriterAsync()
        {
            for (var changes = 0; changes < 5;)
            {
                await using var unit = await Store.BeginAsync();
                // Enqueued before reading on purpose: the adapter must still order the outbox by commit.
                var message = Message("MeetingMoved", "m-1", 0);
                await unit.EnqueueAsync(message);
                var current = (await unit.GetAsync(Meetings, NetworkA, "m-1"))!;
                try
                {
                    var version = await unit.ReplaceAsync(Meetings, NetworkA, meeting with { Title = $"v{current.Version + 1}" }, current.Version);
                    await unit.CommitAsync();
                    versionOfMessage[message.MessageId] = version;
                    changes++;
                }
                catch (ConcurrencyConflictException)
                {
                    // Lost the race: the unit rolls back with its message; read again and retry.
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(WriterAsync))).WaitAsync(Patience);

        var versions = (await Outbox.ReadPendingAsync(100)).Select(p => versionOfMessage[p.Message.MessageId]).ToList();
        Assert.Equal(Enumerable.Range(2, 20).Select(v => (long)v), versions);
    }

    [Fact]
    public async Task purging_removes_only_messages_sent_before_the_cutoff()
    {
        await using (var unit = await Store.BeginAsync())
        {
            await unit.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
            await unit.EnqueueAsync(Message("MeetingMoved", "m-1", 2));
            await unit.CommitAsync();
        }
        var pending = await Outbox.ReadPendingAsync(10);
        await Outbox.MarkSentAsync([pending[0].Sequence]);

        Assert.Equal(0, await Outbox.PurgeSentAsync(DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.Equal(1, await Outbox.PurgeSentAsync(DateTimeOffset.UtcNow.AddMinutes(5)));
        Assert.Equal([pending[1]], await Outbox.ReadPendingAsync(10));
    }

    [Fact]
    public async Task the_backlog_counts_the_messages_not_sent_and_ages_with_the_oldest_of_them()
    {
        Assert.Equal(new OutboxBacklog(0, TimeSpan.Zero), await Outbox.GetBacklogAsync());

        await using (var unit = await Store.BeginAsync())
        {
            await unit.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
            await unit.CommitAsync();
        }
        await Task.Delay(300);
        var sinceSecond = System.Diagnostics.Stopwatch.StartNew();
        await using (var unit = await Store.BeginAsync())
        {
            await unit.EnqueueAsync(Message("MeetingMoved", "m-1", 2));
            await unit.CommitAsync();
        }
        var backlog = await Outbox.GetBacklogAsync();
        Assert.Equal(2, backlog.Pending);
        Assert.InRange(backlog.OldestAge, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(30));

        // Once the oldest is sent, the age is the younger one's: no older than the time since its commit began.
        await Outbox.MarkSentAsync([(await Outbox.ReadPendingAsync(1))[0].Sequence]);
        var after = await Outbox.GetBacklogAsync();
        var bound = sinceSecond.Elapsed;
        Assert.Equal(1, after.Pending);
        Assert.True(after.OldestAge <= bound + TimeSpan.FromMilliseconds(5), $"{after.OldestAge} is older than the second message ({bound})");
    }

    [Fact]
    public async Task a_commit_that_writes_outbox_messages_wakes_the_relay_and_a_rollback_or_a_plain_commit_does_not()
    {
        var signal = Outbox.NextCommit;
        await using (var rolledBack = await Store.BeginAsync())
        {
            await rolledBack.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
        }
        await using (var plain = await Store.BeginAsync())
        {
            await plain.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "Kick-off"));
            await plain.CommitAsync();
        }
        Assert.False(signal.IsCompleted);

        await using (var unit = await Store.BeginAsync())
        {
            await unit.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
            await unit.CommitAsync();
        }

        await signal.WaitAsync(Patience);
        Assert.Single(await Outbox.ReadPendingAsync(10)); // Woken after the commit: the row is there.
    }

    [Fact]
    public async Task only_one_relay_holds_the_outbox_lock_at_a_time()
    {
        var second = OpenTracked(location);

        var held = await Outbox.TryAcquireRelayLockAsync();
        Assert.NotNull(held);
        Assert.Null(await second.Outbox.TryAcquireRelayLockAsync());
        await held.DisposeAsync();

        var next = await second.Outbox.TryAcquireRelayLockAsync();
        Assert.NotNull(next);
        Assert.False(next.Lost.IsCancellationRequested);
        await next.DisposeAsync();
    }

    [Fact]
    public async Task the_inbox_accepts_a_message_once_per_consumer_and_forgets_rolled_back_marks()
    {
        var handled = Guid.NewGuid();
        var rolledBack = Guid.NewGuid();
        await using (var unit = await Store.BeginAsync())
        {
            Assert.True(await unit.TryMarkHandledAsync("reporting.meetings", handled));
            Assert.False(await unit.TryMarkHandledAsync("reporting.meetings", handled));
            await unit.CommitAsync();
        }
        await using (var unit = await Store.BeginAsync())
        {
            Assert.True(await unit.TryMarkHandledAsync("reporting.meetings", rolledBack));
        }

        await using (var unit = await Store.BeginAsync())
        {
            Assert.False(await unit.TryMarkHandledAsync("reporting.meetings", handled));
            Assert.True(await unit.TryMarkHandledAsync("groups.meetings", handled));
            Assert.True(await unit.TryMarkHandledAsync("reporting.meetings", rolledBack));
            await unit.CommitAsync();
        }
    }

    [Fact]
    public async Task marking_several_messages_returns_only_those_not_handled_before_each_once()
    {
        var before = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        var listedTwice = Guid.NewGuid();
        await MarkHandledInUnitOfItsOwnAsync("reporting.meetings", before);

        await using (var unit = await Store.BeginAsync())
        {
            var marked = await unit.MarkHandledAsync("reporting.meetings", [before, fresh, listedTwice, listedTwice]);
            Assert.Equal(new HashSet<Guid> { fresh, listedTwice }, marked);
            await unit.CommitAsync();
        }

        await using (var unit = await Store.BeginAsync())
        {
            Assert.Empty(await unit.MarkHandledAsync("reporting.meetings", [before, fresh, listedTwice]));
        }
    }

    [Fact]
    public async Task messages_marked_handled_at_commit_are_kept_with_the_units_changes_each_once()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await using (var unit = await Store.BeginAsync())
        {
            await unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "a"));
            await unit.MarkHandledAtCommitAsync("reporting.meetings", [first, second, second]);
            await unit.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
            await unit.CommitAsync();
        }

        Assert.NotNull(await Store.GetAsync(Meetings, NetworkA, "m-1"));
        Assert.Single(await Outbox.ReadPendingAsync(10));
        await using var later = await Store.BeginAsync();
        Assert.Empty(await later.MarkHandledAsync("reporting.meetings", [first, second]));
        Assert.True(await later.TryMarkHandledAsync("groups.meetings", first)); // Per consumer.
    }

    // Without a document write the unit writes only at commit (on PostgreSQL: one implicit transaction).
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task a_commit_marking_a_message_handled_before_fails_and_keeps_nothing_of_the_unit(bool writesADocument)
    {
        var before = Guid.NewGuid();
        var fresh = Guid.NewGuid();
        await MarkHandledInUnitOfItsOwnAsync("reporting.meetings", before);

        await using (var unit = await Store.BeginAsync())
        {
            if (writesADocument)
            {
                await unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "a"));
            }
            await unit.EnqueueAsync(Message("MeetingScheduled", "m-1", 1));
            await unit.MarkHandledAtCommitAsync("reporting.meetings", [fresh, before]);
            await Assert.ThrowsAsync<MessageAlreadyHandledException>(() => unit.CommitAsync());
        }

        Assert.Null(await Store.GetAsync(Meetings, NetworkA, "m-1"));
        Assert.Empty(await Outbox.ReadPendingAsync(10));
        await using var later = await Store.BeginAsync();
        Assert.True(await later.TryMarkHandledAsync("reporting.meetings", fresh));
    }

    [Fact]
    public async Task two_concurrent_deliveries_of_one_message_are_handled_once()
    {
        var messageId = Guid.NewGuid();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task<bool> HandleAsync()
        {
            await go.Task;
            await using var unit = await Store.BeginAsync();
            var first = await unit.TryMarkHandledAsync("reporting.meetings", messageId);
            await Task.Delay(100);
            await unit.CommitAsync();
            return first;
        }

        var deliveries = new[] { Task.Run(HandleAsync), Task.Run(HandleAsync) };
        go.SetResult();
        var results = await Task.WhenAll(deliveries).WaitAsync(Patience);

        Assert.Single(results, handled => handled);
    }

    [Fact]
    public async Task migrating_again_changes_nothing_and_keeps_the_data()
    {
        await InsertAsync(NetworkA, new Meeting("m-1", "g-1", "startup", null, "a"));

        await opened[0].Database.MigrateAsync([Meetings]);
        await OpenTracked(location).Database.MigrateAsync([Meetings]);

        Assert.Equal(1, (await Store.GetAsync(Meetings, NetworkA, "m-1"))?.Version);
    }

    [Fact]
    public async Task replicas_starting_together_migrate_a_new_database_once()
    {
        var fresh = await CreateDatabaseAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => OpenTracked(fresh)).ToList();

        await Task.WhenAll(replicas.Select(r => Task.Run(() => r.Database.MigrateAsync([Meetings])))).WaitAsync(Patience);

        await replicas[0].Database.CheckReachableAsync();
        await using var unit = await replicas[1].Documents.BeginAsync();
        await unit.InsertAsync(Meetings, NetworkA, new Meeting("m-1", "g-1", "startup", null, "a"));
        await unit.CommitAsync();
        Assert.NotNull(await replicas[2].Documents.GetAsync(Meetings, NetworkA, "m-1"));
    }

    /// <summary>The adapter's query plan for a query of the contract's meetings (EXPLAIN).</summary>
    protected abstract Task<string> ExplainAsync(StorageUnderTest storage, string networkId, DocumentQuery<Meeting> query);

    /// <summary>True when the plan reads the declared index of that name in the query's order (no sort step).</summary>
    protected abstract bool UsesIndexInOrder(string plan, string index);

    /// <summary>True when the plan starts reading the index at a key (not at the start of the network's entries).</summary>
    protected abstract bool SeeksToTheKey(string plan);

    /// <summary>A database with the schema of the version before declared indexes, holding one meeting as that version stored it.</summary>
    protected abstract Task<string> CreateFormerVersionDatabaseAsync(string networkId, Meeting meeting);

    /// <summary>The names of the database's tables and indexes.</summary>
    protected abstract Task<IReadOnlyList<string>> SchemaAsync(string databaseLocation);

    /// <summary>Minutes after 2026-03-14 09:00 UTC, with an optional fraction of a second (tenths).</summary>
    private static DateTimeOffset At(int minutes, int fraction = 0) =>
        new DateTimeOffset(2026, 3, 14, 9, 0, 0, TimeSpan.Zero).AddMinutes(minutes).AddMilliseconds(fraction * 100);

    private StorageUnderTest OpenTracked(string databaseLocation)
    {
        var storage = Open(databaseLocation);
        opened.Add(storage);
        return storage;
    }

    private async Task<long> InsertAsync(string networkId, params Meeting[] meetings)
    {
        await using var unit = await Store.BeginAsync();
        long version = 0;
        foreach (var meeting in meetings)
        {
            version = await unit.InsertAsync(Meetings, networkId, meeting);
        }
        await unit.CommitAsync();
        return version;
    }

    /// <summary>A message handled (and committed) before the unit under test.</summary>
    private async Task MarkHandledInUnitOfItsOwnAsync(string consumer, Guid messageId)
    {
        await using var unit = await Store.BeginAsync();
        Assert.True(await unit.TryMarkHandledAsync(consumer, messageId));
        await unit.CommitAsync();
    }

    private async Task<long> ReplaceAsync(string networkId, Meeting meeting, long expectedVersion)
    {
        await using var unit = await Store.BeginAsync();
        var version = await unit.ReplaceAsync(Meetings, networkId, meeting, expectedVersion);
        await unit.CommitAsync();
        return version;
    }

    private Task<Page<Meeting>> QueryAsync(string networkId, DocumentQuery<Meeting> query) => Store.QueryAsync(Meetings, networkId, query);

    private static List<string> Ids(Page<Meeting> page) => [.. page.Items.Select(i => i.Document.Id)];

    [Fact]
    public async Task scrubbing_the_outbox_replaces_a_value_in_the_networks_messages_sent_or_pending_and_nowhere_else()
    {
        var sent = Message("MinutesPublished", "Ingrid Haugen", 1);
        var pending = Message("MinutesPublished", "m-2 by Ingrid Haugen", 1);
        var otherNetwork = Message("MinutesPublished", "Ingrid Haugen", 2) with { NetworkId = NetworkB };
        await using (var unit = await Store.BeginAsync())
        {
            await unit.EnqueueAsync(sent);
            await unit.EnqueueAsync(pending);
            await unit.EnqueueAsync(otherNetwork);
            await unit.CommitAsync();
        }
        await Outbox.MarkSentAsync([(await Outbox.ReadPendingAsync(1))[0].Sequence]);

        int scrubbed;
        await using (var unit = await Store.BeginAsync())
        {
            scrubbed = await unit.ScrubOutboxAsync(NetworkA, ["Ingrid Haugen", ""], "former participant");
            await unit.CommitAsync();
        }
        await using (var unit = await Store.BeginAsync())
        {
            Assert.Equal(0, await unit.ScrubOutboxAsync(NetworkA, ["Ingrid Haugen"], "former participant"));
        }

        Assert.Equal(2, scrubbed);
        var left = (await Outbox.ReadPendingAsync(10)).Select(p => p.Message).ToList();
        Assert.Equal([pending with { Payload = pending.Payload.Replace("Ingrid Haugen", "former participant") }, otherNetwork], left);
    }

    private static OutboxMessage Message(string type, string aggregateId, long version, string? traceParent = null) => new(
        Guid.NewGuid(),
        $"NetworkPlatform.Events.Meetings.{type}",
        NetworkA,
        aggregateId,
        version,
        // Whole milliseconds: PostgreSQL keeps microseconds, .NET ticks are finer.
        new DateTimeOffset(2026, 3, 14, 9, 30, 15, 123, TimeSpan.Zero),
        $$"""{"aggregateId":"{{aggregateId}}","type":"{{type}}"}""",
        traceParent);
}
