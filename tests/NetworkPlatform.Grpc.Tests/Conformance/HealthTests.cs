using Grpc.Health.V1;

namespace NetworkPlatform.Grpc.Tests.Conformance;

/// <summary>grpc.health.v1.Health as Kubernetes probes and load balancers use it.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class HealthTests(ConformanceFixture fixture)
{
    private const string Echo = "networkplatform.testing.v1.EchoService";

    [Fact]
    public Task the_whole_server_is_serving_once_started() => fixture.RunAsync("health_calls.py", "check_server");

    [Fact]
    public Task a_service_reports_the_status_set_through_the_manager()
    {
        fixture.Server.Health.SetStatus(Echo, HealthCheckResponse.Types.ServingStatus.NotServing);
        return fixture.RunAsync("health_calls.py", "check_service");
    }

    [Fact]
    public Task an_unknown_service_is_not_found() => fixture.RunAsync("health_calls.py", "check_unknown");

    [Fact]
    public Task watching_an_unknown_service_reports_service_unknown() => fixture.RunAsync("health_calls.py", "watch_unknown");

    [Fact]
    public async Task watch_reports_each_status_change()
    {
        fixture.Server.Health.SetStatus(Echo, HealthCheckResponse.Types.ServingStatus.Serving);
        var signal = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var watcher = fixture.RunAsync("health_calls.py", "watch_changes", signal);
        await WaitForFileAsync(signal, watcher);
        fixture.Server.Health.SetStatus(Echo, HealthCheckResponse.Types.ServingStatus.NotServing);
        await watcher;
        File.Delete(signal);
    }

    [Fact]
    public async Task stopping_the_server_turns_everything_not_serving_and_ends_the_watches()
    {
        await using var server = await GrpcTestServer.StartAsync();
        var signal = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var watcher = fixture.RunAsync(server, "health_calls.py", "watch_drain", signal);
        await WaitForFileAsync(signal, watcher);
        await server.StopAsync();
        await watcher;
        Assert.True(server.Health.IsDraining);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, server.Health.GetStatus(""));
        File.Delete(signal);
    }

    private static async Task WaitForFileAsync(string path, Task peer)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!File.Exists(path))
        {
            if (peer.IsCompleted)
            {
                await peer; // surfaces the peer's failure
            }
            Assert.True(DateTime.UtcNow < deadline, "the watcher never received its first status");
            await Task.Delay(25);
        }
    }
}
