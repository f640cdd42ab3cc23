using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;
using OpenTelemetry.Metrics;

// Usage (configuration from Storage__* and Bus__* environment variables):
//   commit <service> <aggregate> <count>   commit events without a bus, print "committed <n>" after each, then wait to be killed
//   produce <service> <aggregate> <count>  the same with the bus and relay running
//   relay <service>                        only the relay: publish what is pending, until killed
//   consume <service>                      the bus with PoisonRejectingProjection as the service's handler, until killed
// Every mode serves the platform's meters as Prometheus text on http://127.0.0.1:<port>/metrics and prints
// "metrics <url>" first (the port is chosen by the system).
var mode = args[0];
var service = args[1];
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Configuration.Sources.Clear();
builder.Configuration.AddEnvironmentVariables();
builder.Logging.ClearProviders();
builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
    .AddMeter(MessagingMetrics.MeterName, StorageMetrics.MeterName, "Npgsql")
    .AddPrometheusExporter());
builder.Services.AddDocumentStore(builder.Configuration.GetSection("Storage"), service, []);
if (mode != "commit")
{
    builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus
        .AddEventTypesFrom(typeof(MemberJoined).Assembly)
        .AddService(service, events =>
        {
            if (mode == "consume")
            {
                events.AddHandler<PoisonRejectingProjection>();
            }
        }));
}
await using var app = builder.Build();
app.MapPrometheusScrapingEndpoint();
await app.StartAsync();
Console.WriteLine($"metrics {app.Urls.First()}/metrics");
if (mode != "commit")
{
    // A consumer's queue is bound only once the bus is up: what is published before would miss it.
    await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, CancellationToken.None);
}
Console.WriteLine("started");

if (mode is "commit" or "produce")
{
    var store = app.Services.GetRequiredService<IDocumentStore>();
    var aggregate = args[2];
    var count = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
    for (var version = 1; version <= count; version++)
    {
        await Producer.CommitAsync(store, Producer.Event(aggregate, version));
        Console.WriteLine($"committed {version}");
    }
    Console.WriteLine("done");
}
await Task.Delay(Timeout.Infinite); // The test kills this process.
