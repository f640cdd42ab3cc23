using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkPlatform.Messaging.Tests.Fixtures;
using NetworkPlatform.Messaging.TestHost;

namespace NetworkPlatform.Messaging.Tests.Delivery;

/// <summary>Standalone mode: several services in one process, each on its own SQLite file, events on the in-memory bus.</summary>
public sealed class InMemoryBusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task events_flow_between_services_hosted_in_one_process_each_on_its_own_database()
    {
        await using var host = await ServiceHost.StartAsync(Environments.InMemoryBus(), new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["membership"] = await Environments.StorageAsync(Environments.Sqlite, "membership"),
            ["reporting"] = await Environments.StorageAsync(Environments.Sqlite, "reporting"),
            ["groups"] = await Environments.StorageAsync(Environments.Sqlite, "groups"),
        }, bus => bus
            .AddService("membership")
            .AddService("reporting", service => service.AddHandler<AggregateLogProjection>())
            .AddService("groups", service => service.AddHandler<FlakyProjection>()));

        for (var version = 1; version <= 10; version++)
        {
            await Producer.CommitAsync(host.Store("membership"), Producer.Event("org-1", version, personName: version == 4 ? "flaky" : "Ada"));
        }

        var expected = Enumerable.Range(1, 10).Select(v => (long)v).ToList();
        foreach (var service in new[] { "reporting", "groups" })
        {
            await Eventually.HoldsAsync(
                async () => (await Environments.VersionsSeenAsync(host.Store(service), "org-1")).Count >= 10, Patience, $"10 events in {service}");
        }
        await Task.Delay(200);
        Assert.Equal(expected, await Environments.VersionsSeenAsync(host.Store("reporting"), "org-1"));
        Assert.Equal(expected, await Environments.VersionsSeenAsync(host.Store("groups"), "org-1"));
        Assert.Empty(await Environments.VersionsSeenAsync(host.Store("membership"), "org-1"));
    }

    [Fact]
    public async Task a_handler_of_any_event_gets_each_type_it_is_registered_for_and_a_type_that_is_no_event_is_refused()
    {
        await using var host = await ServiceHost.StartAsync(Environments.InMemoryBus(),
            new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["membership"] = await Environments.StorageAsync(Environments.Sqlite, "membership"),
            ["reporting"] = await Environments.StorageAsync(Environments.Sqlite, "reporting"),
        }, bus => bus
            .AddService("membership")
            .AddService("reporting", service => service.AddHandler<AnyEventProjection>([typeof(MemberJoined)])));

        for (var version = 1; version <= 3; version++)
        {
            await Producer.CommitAsync(host.Store("membership"), Producer.Event("org-any", version));
        }

        await Eventually.HoldsAsync(async () => (await Environments.VersionsSeenAsync(host.Store("reporting"), "org-any")).Count >= 3,
            Patience, "3 events in reporting");
        Assert.Equal([1L, 2, 3], await Environments.VersionsSeenAsync(host.Store("reporting"), "org-any"));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await ServiceHost.StartAsync(
            Environments.InMemoryBus(), new Dictionary<string, IReadOnlyDictionary<string, string?>>(),
            bus => bus.AddService("reporting", service => service.AddHandler<AnyEventProjection>([typeof(AggregateLog)]))));
        Assert.Contains("pass IDomainEvent classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_bus_takes_part_in_readiness_through_the_ready_health_checks()
    {
        await using var host = await ServiceHost.StartAsync(Environments.InMemoryBus(), new Dictionary<string, IReadOnlyDictionary<string, string?>>
        {
            ["reporting"] = await Environments.StorageAsync(Environments.Sqlite, "reporting"),
        }, bus => bus.AddService("reporting", service => service.AddHandler<AggregateLogProjection>()));

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));

        Assert.Contains(report.Entries, entry => entry.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase) && entry.Value.Status == HealthStatus.Healthy);
    }

    [Fact]
    public async Task a_consumer_concurrency_below_one_is_refused_with_the_fix()
    {
        var settings = Environments.InMemoryBus();
        settings["Bus:ConsumerConcurrency"] = "0";
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await ServiceHost.StartAsync(
            settings, new Dictionary<string, IReadOnlyDictionary<string, string?>>(), bus => bus.AddService("reporting")));
        Assert.Contains("set it to 1 or more", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_handler_class_that_handles_no_event_is_refused_with_the_fix()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await ServiceHost.StartAsync(
            Environments.InMemoryBus(), new Dictionary<string, IReadOnlyDictionary<string, string?>>(), bus => bus.AddService("reporting", service => service.AddHandler<AggregateLog>())));
        Assert.Contains("implement IEventHandler<TEvent>", error.Message, StringComparison.Ordinal);
    }
}
