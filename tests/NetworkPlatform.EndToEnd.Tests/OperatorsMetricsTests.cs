using NetworkPlatform.Application;
using NetworkPlatform.Distributed;
using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Testing;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// The four services as processes after a workload: each serves its metrics as Prometheus text at /metrics on its HTTP
/// port, with the names and labels docs/operations.md lists (the ones the alerts and the Grafana dashboard query).
/// </summary>
public sealed class OperatorsMetricsTests
{
    [Fact(Timeout = 240_000)]
    public async Task after_a_workload_every_service_serves_its_rpc_readiness_outbox_consumer_and_pool_metrics()
    {
        var postgres = await PostgresServer.SharedAsync();
        // A broker of its own: on the shared one, its services would take their queues' deliveries from the other tests'.
        await using var rabbit = await RabbitMqServer.StartNewAsync();
        await using var platform = await PlatformProcesses.StartAsync(postgres, rabbit);
        var workload = new Workload(platform, workers: 2, pace: TimeSpan.FromMilliseconds(100));
        await workload.SetUpAsync();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await workload.RunAsync(stop.Token);
        }
        await new ReportingService.ReportingServiceClient(platform["reporting"].Channel).GetNetworkHealthAsync(
            new GetNetworkHealthRequest { NetworkId = workload.NetworkId, Year = DateTime.UtcNow.Year },
            await platform.CallerAsync(workload.NetworkId, Roles.DashboardReader));

        foreach (var service in platform.Services)
        {
            // Readiness is published with the health checks' next run (every 5 s); the instruments exist from the start.
            var samples = await Eventually.UntilAsync(() => Scrape.MetricsAsync(service.HttpAddress + "/metrics"),
                s => s.Any(x => x.Name == "networkplatform_readiness" && x.Value == 1), TimeSpan.FromSeconds(20));
            string Missing(string name) => $"{service.Name} serves no {name} with its labels; it serves: " +
                string.Join(", ", samples.Select(s => s.Name).Distinct().Order());

            Assert.True(samples.Any(s => s.Name == "rpc_server_call_duration_seconds_bucket" && s.Labels["rpc_system"] == "grpc"
                && s.Labels.ContainsKey("rpc_service") && s.Labels.ContainsKey("rpc_method") && s.Labels["rpc_grpc_status_code"] == "0"),
                Missing("rpc_server_call_duration_seconds"));
            Assert.Contains(samples, s => s.Name == "networkplatform_readiness" && s.Value == 1);
            Assert.True(samples.Any(s => s.Name == "networkplatform_outbox_pending" && s.Labels.ContainsKey("networkplatform_service")),
                Missing("networkplatform_outbox_pending"));
            Assert.True(samples.Any(s => s.Name == "networkplatform_outbox_oldest_age_seconds"), Missing("networkplatform_outbox_oldest_age"));
            Assert.True(samples.Any(s => s.Name == "networkplatform_consumer_attached" && s.Value == 1
                && s.Labels.ContainsKey("messaging_destination_name")), Missing("networkplatform_consumer_attached"));
            Assert.True(samples.Any(s => s.Name == "db_client_connection_count" && s.Labels.ContainsKey("db_client_connection_state")),
                Missing("db_client_connection_count"));
        }
        // Calls to peers, on the caller's side: meetings asks groups, groups asks membership.
        foreach (var caller in new[] { "meetings", "groups" })
        {
            var samples = await Scrape.MetricsAsync(platform[caller].HttpAddress + "/metrics");
            Assert.Contains(samples, s => s.Name == "rpc_client_call_duration_seconds_bucket" && s.Labels["rpc_system"] == "grpc"
                && s.Labels["rpc_service"].StartsWith("networkplatform.", StringComparison.Ordinal) && s.Labels.ContainsKey("rpc_method")
                && s.Labels.ContainsKey("rpc_grpc_status_code"));
        }
        // Events relayed by the owners and consumed by reporting.
        var relayed = await Scrape.MetricsAsync(platform["meetings"].HttpAddress + "/metrics");
        Assert.Contains(relayed, s => s.Name == "messaging_client_sent_messages_total" && s.Value > 0);
        // Reporting consumes them a little later (outbox poll, broker), later still on a busy machine.
        var consumed = await Eventually.UntilAsync(() => Scrape.MetricsAsync(platform["reporting"].HttpAddress + "/metrics"),
            s => s.Any(x => x.Name == "messaging_client_consumed_messages_total" && x.Value > 0), TimeSpan.FromSeconds(30));
        Assert.Contains(consumed, s => s.Name == "messaging_client_consumed_messages_total" && s.Value > 0);
    }
}
