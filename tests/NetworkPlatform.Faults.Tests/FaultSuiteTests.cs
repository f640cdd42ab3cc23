using NetworkPlatform.Application;
using System.Diagnostics;
using NetworkPlatform.Distributed;
using Grpc.Core;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Testing;
using Xunit.Abstractions;

namespace NetworkPlatform.Faults.Tests;

/// <summary>
/// The four services, each its own process, on private PostgreSQL and RabbitMQ servers, under a write workload through
/// the public API: the broker restarted again and again, a service stopped with SIGTERM and another killed with SIGKILL,
/// the database restarted. Afterwards every queue has its consumers, every outbox is sent, nothing sits in an _error
/// queue, and no event effect is lost, duplicated or reordered. The figures go to the test output as "summary:" lines
/// (tests/tools/run-tests.sh prints them).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class FaultSuiteTests(ITestOutputHelper output)
{
    private const int BrokerRestarts = 10;
    // MassTransit backs off reconnecting a receive endpoint up to 30 s between attempts, and a node's boot adds its own.
    private static readonly TimeSpan ReattachLimit = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ShutdownLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan HealthFollowsWithin = TimeSpan.FromSeconds(15);

    private readonly Stopwatch clock = Stopwatch.StartNew();

    [Fact(Timeout = 300_000)]
    public async Task under_writes_broker_restarts_stopped_and_killed_services_and_a_database_restart_lose_duplicate_and_reorder_nothing()
    {
        var postgresStarting = PostgresServer.StartNewAsync(maxConnections: 100);
        await using var rabbit = await RabbitMqServer.StartNewAsync();
        var postgres = await postgresStarting;
        try
        {
            await using var platform = await PlatformProcesses.StartAsync(postgres, rabbit);
            Log($"platform up: {string.Join(", ", platform.Services.Select(s => $"{s.Name} {s.Address}"))}");
            var workload = new Workload(platform, workers: 4, pace: TimeSpan.FromMilliseconds(400));
            await workload.SetUpAsync();
            var check = new ConsistencyCheck(platform, rabbit, workload.NetworkId);
            using var stop = new CancellationTokenSource();
            var writing = workload.RunAsync(stop.Token);

            // Restarts of the broker inside its node (every connection closed, every queue restarted) every few seconds, while
            // the services may still be reconnecting; the first one waits for health to follow and for the consumers to come
            // back. The last restart is a crash of the whole node (SIGKILL) and its start.
            var reattach = new List<TimeSpan>();
            await rabbit.StopBrokerAsync();
            var notServingSeen = await WaitForHealthAsync(platform, "NotServing", HealthFollowsWithin);
            await rabbit.StartBrokerAsync();
            reattach.Add(await WaitForConsumersAsync(check));
            Log($"broker restart 1: every service NOT_SERVING: {notServingSeen.Count == platform.Services.Count}; " +
                $"every queue consumed again after {reattach[^1].TotalSeconds:F1} s");
            var random = new Random(26);
            for (var restart = 2; restart < BrokerRestarts; restart++)
            {
                await rabbit.StopBrokerAsync();
                await rabbit.StartBrokerAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 2500)));
                Log($"broker restart {restart}");
            }
            await rabbit.KillAsync();
            await rabbit.StartAsync();
            reattach.Add(await WaitForConsumersAsync(check));
            Log($"broker restart {BrokerRestarts}, a crash of its node: every queue consumed again after {reattach[^1].TotalSeconds:F1} s");
            // Back to SERVING once every receive endpoint consumes again, the per-process listener queues (reporting's live
            // feeds) included: those reconnect on MassTransit's own backoff (up to 30 s between attempts), like the rest.
            var serving = await WaitForHealthAsync(platform, "Serving", ReattachLimit);

            var stopped = platform["groups"];
            var shutdown = await stopped.StopAsync(TimeSpan.FromSeconds(30));
            Log($"SIGTERM to groups (consumers busy): exited after {shutdown.TotalSeconds:F1} s");
            await stopped.RestartAsync();
            await stopped.WaitUntilServingAsync(TimeSpan.FromSeconds(60));

            var killed = platform["meetings"];
            await killed.KillAsync();
            Log("SIGKILL to meetings");
            await killed.RestartAsync();
            await killed.WaitUntilServingAsync(TimeSpan.FromSeconds(60));

            await postgres.StopAsync();
            var duringOutage = await ReadAsync(platform, workload.NetworkId);
            await postgres.StartAsync();
            Log($"database restarted; a read during the outage answered {duringOutage}");
            await WaitForHealthAsync(platform, "Serving", HealthFollowsWithin);

            await stop.CancelAsync();
            await writing;
            var plumbing = await check.SettleAsync(TimeSpan.FromSeconds(60));
            var report = await check.CompareAsync();
            Log($"calls: {string.Join(", ", workload.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))}");
            Summary($"fault suite: {BrokerRestarts} broker restarts, SIGTERM groups ({shutdown.TotalSeconds:F1} s to exit), " +
                "SIGKILL meetings, " +
                $"database restart; writes OK {workload.Outcomes.GetValueOrDefault(StatusCode.OK)}");
            Summary($"fault suite: consumers back after broker restart 1 and after restart {BrokerRestarts} (a crash) in " +
                $"{string.Join(", ", reattach.Select(r => $"{r.TotalSeconds:F1}"))} s");
            Summary($"fault suite: {report}");
            Summary($"fault suite: {plumbing}");

            Assert.True(report is { Lost: 0, Duplicated: 0, Reordered: 0 }, $"{report}\n{platform.Logs(30)}");
            Assert.True(plumbing.Settled && plumbing.MessagesInErrorQueues == 0, $"{plumbing}\n{platform.Logs(30)}");
            Assert.All(reattach, r => Assert.True(r < ReattachLimit, $"consumers came back only after {r.TotalSeconds:F0} s"));
            Assert.True(shutdown < ShutdownLimit, $"groups took {shutdown.TotalSeconds:F1} s to exit after SIGTERM.\n{stopped.Log(40)}");
            Assert.Equal(platform.Services.Select(s => s.Name).Order(), notServingSeen.Order());
            Assert.Equal(platform.Services.Select(s => s.Name).Order(), serving.Order());
            Assert.StartsWith(nameof(StatusCode.Unavailable), duringOutage, StringComparison.Ordinal);
        }
        finally
        {
            await postgres.StopAsync();
        }
    }

    /// <summary>How long until every service queue has a consumer again (at most twice the limit).</summary>
    private static async Task<TimeSpan> WaitForConsumersAsync(ConsistencyCheck check)
    {
        var waiting = Stopwatch.StartNew();
        while ((await check.PlumbingAsync()).QueuesWithoutConsumers.Count > 0 && waiting.Elapsed < 2 * ReattachLimit)
        {
            await Task.Delay(250);
        }
        return waiting.Elapsed;
    }

    /// <summary>The services whose readiness reached <paramref name="status"/> within <paramref name="within"/>.</summary>
    private static async Task<IReadOnlyCollection<string>> WaitForHealthAsync(PlatformProcesses platform, string status,
        TimeSpan within)
    {
        var reached = new HashSet<string>();
        var deadline = DateTime.UtcNow + within;
        while (reached.Count < platform.Services.Count && DateTime.UtcNow < deadline)
        {
            foreach (var service in platform.Services.Where(s => !reached.Contains(s.Name)))
            {
                if (await service.HealthAsync() == status)
                {
                    reached.Add(service.Name);
                }
            }
            await Task.Delay(250);
        }
        return reached;
    }

    /// <summary>A read on membership while its database is down: the status it answers with, and its ErrorInfo reason.</summary>
    private static async Task<string> ReadAsync(PlatformProcesses platform, string networkId)
    {
        try
        {
            using var call = new PersonService.PersonServiceClient(platform["membership"].Channel).ListPersonsAsync(
                new ListPersonsRequest { NetworkId = networkId }, await platform.CallerAsync(networkId, Roles.Secretariat),
                    DateTime.UtcNow.AddSeconds(20));
            await call.ResponseAsync;
            return "OK";
        }
        catch (RpcException e)
        {
            return $"{e.StatusCode} ({e.GetDetail<Google.Rpc.ErrorInfo>()?.Reason})";
        }
    }

    private void Log(string line) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s  {line}");

    private void Summary(string line) => output.WriteLine("summary: " + line);
}
