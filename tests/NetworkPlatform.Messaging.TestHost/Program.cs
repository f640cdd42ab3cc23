using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.TestHost;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;

// Usage (configuration from Storage__* and Bus__* environment variables):
//   commit <service> <aggregate> <count>   commit events without a bus, print "committed <n>" after each, then wait to be killed
//   produce <service> <aggregate> <count>  the same with the bus and relay running
//   relay <service>                        only the relay: publish what is pending, until killed
var mode = args[0];
var service = args[1];
var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
builder.Configuration.AddEnvironmentVariables();
builder.Services.AddDocumentStore(builder.Configuration.GetSection("Storage"), service, []);
if (mode != "commit")
{
    builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus
        .AddEventTypesFrom(typeof(MemberJoined).Assembly)
        .AddService(service));
}
using var host = builder.Build();
await host.StartAsync();
Console.WriteLine("started");

if (mode is "commit" or "produce")
{
    var store = host.Services.GetRequiredService<IDocumentStore>();
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
