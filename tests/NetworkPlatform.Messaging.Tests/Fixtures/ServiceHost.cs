using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Messaging.Tests.Fixtures;

/// <summary>A service as the platform hosts it: its own database (Storage section) and the bus (Bus section).</summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ServiceHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public IDocumentStore Store(string service) => _host.Services.GetRequiredKeyedService<IDocumentStore>(service);

    /// <summary>One process hosting <paramref name="services"/> (each with its own database) on one bus.</summary>
    public static async Task<ServiceHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> storagePerService,
        Action<EventBusBuilder> configureBus)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        if (Environment.GetEnvironmentVariable("NP_TEST_LOG") is { Length: > 0 } logFile)
        {
            builder.Logging.AddProvider(new FileLoggerProvider(logFile));
        }
        foreach (var (service, storage) in storagePerService)
        {
            builder.Services.AddDocumentStore(new ConfigurationBuilder().AddInMemoryCollection(storage).Build(), service, []);
        }
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus =>
        {
            bus.AddEventTypesFrom(typeof(MemberJoined).Assembly);
            configureBus(bus);
        });
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        // The bus starts in the background; events published before the consumer queues are bound would miss them.
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
        return new ServiceHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
