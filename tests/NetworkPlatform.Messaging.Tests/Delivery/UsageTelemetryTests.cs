using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;

namespace NetworkPlatform.Messaging.Tests.Delivery;

public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task the_bus_never_reports_usage_to_masstransit()
    {
        await using var host = await ServiceHost.StartAsync(Environments.InMemoryBus(), new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["reporting"] = await Environments.StorageAsync(Environments.Sqlite, "reporting"),
        }, bus => bus.AddService("reporting"));

        Assert.False(host.Services.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
