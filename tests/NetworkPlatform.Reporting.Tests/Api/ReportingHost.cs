using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Events;
using Grpc.Core;
using NetworkPlatform.Hosting;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// The reporting service as its Program.cs builds it, on SQLite in a temp directory and the in-memory bus, unless the
/// settings say otherwise (several replicas: one PostgreSQL database and one RabbitMQ virtual host).
/// </summary>
public sealed class ReportingHost : IAsyncDisposable
{
    public const string Network = "anti-bullying";

    private readonly string directory = Directory.CreateTempSubdirectory("np-reporting-").FullName;
    private WebApplication app = null!;
    private bool disposed;

    public DevelopmentTokens Tokens { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public ReportingService.ReportingServiceClient Client { get; private set; } = null!;

    /// <summary>The HTTP/1.1 port: JSON, gRPC-Web, the OpenAPI document and the dashboard.</summary>
    public Uri HttpAddress { get; private set; } = null!;

    public IServiceProvider Services => app.Services;

    /// <summary>The membership service's networks, as the network check asks them (<see cref="Network"/> exists).</summary>
    public MembershipNetworks Membership { get; private set; } = null!;

    public static async Task<ReportingHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var host = new ReportingHost();
        await host.StartInternalAsync(settings ?? new Dictionary<string, string?>());
        return host;
    }

    public Metadata As(params string[] roles) =>
        new Metadata { { "authorization", "Bearer " + Tokens.Issue("tester", Network, roles) } };

    public string TokenFor(params string[] roles) => Tokens.Issue("tester", Network, roles);

    /// <summary>Publishes an event on the bus, as another service's outbox relay would.</summary>
    public Task PublishAsync(IDomainEvent domainEvent) =>
        app.Services.GetRequiredService<IBus>().Publish(domainEvent, domainEvent.GetType(), context => context.MessageId = domainEvent.EventId);

    /// <summary>A group of <see cref="Network"/> as the groups service announces it.</summary>
    public static GroupProposed Group(string groupId, string network = Network) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, network, groupId, 1, groupId, $"Group {groupId}", "WorkingGroup", "National", "Active",
            "secretariat");

    /// <summary>An organisation of <see cref="Network"/> as the membership service announces it.</summary>
    public static OrganisationRegistered Organisation(string organisationId, string network = Network) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, network, organisationId, 1, organisationId, $"Organisation {organisationId}",
            "municipality", "", null, "secretariat");

    /// <summary>
    /// Announces groups and organisations as their owners' events do, and returns once reporting's copies hold them (the ids
    /// its requests may name).
    /// </summary>
    public async Task AnnounceAsync(params IDomainEvent[] events)
    {
        var store = Services.GetRequiredKeyedService<IDocumentStore>(ReportingModule.ServiceName);
        foreach (var domainEvent in events)
        {
            await PublishAsync(domainEvent);
        }
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var domainEvent in events)
        {
            while (!await KnownAsync(store, domainEvent))
            {
                Assert.True(DateTime.UtcNow < deadline, $"Reporting did not copy {domainEvent.GetType().Name} {domainEvent.AggregateId}.");
                await Task.Delay(20);
            }
        }
    }

    private static async Task<bool> KnownAsync(IDocumentStore store, IDomainEvent domainEvent) => domainEvent switch
    {
        GroupProposed g => await store.GetAsync(ReportingCollections.Groups, g.NetworkId, g.GroupId) is not null,
        OrganisationRegistered o => await store.GetAsync(ReportingCollections.Organisations, o.NetworkId, o.OrganisationId) is not null,
        _ => throw new ArgumentException($"{domainEvent.GetType().Name} is not a group or an organisation.", nameof(domainEvent)),
    };

    /// <summary>Stops the host; a second call (a test that stopped a replica early) does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        Channel.Dispose();
        await app.DisposeAsync();
        await Membership.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    private async Task StartInternalAsync(IReadOnlyDictionary<string, string?> settings)
    {
        Tokens = DevelopmentTokens.LoadOrCreate(directory);
        Membership = await MembershipNetworks.StartAsync(Network);
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["GRPC_PORT"] = "0",
            ["HTTP_PORT"] = "0",
            ["Auth:Issuer"] = DevelopmentTokens.Issuer,
            ["Auth:Audience"] = DevelopmentTokens.Audience,
            ["Auth:SigningKeyFile"] = Tokens.JwksPath,
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory,
            ["Bus:Transport"] = "InMemory",
            // No peers in this host: nothing here exports personal data (the end-to-end tests do, with all four services).
            ["Services:Membership"] = "http://127.0.0.1:9",
            ["Services:Groups"] = "http://127.0.0.1:9",
            ["Services:Meetings"] = "http://127.0.0.1:9",
            ["Logging:Format"] = "text",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Services:Membership"] = Membership.Address,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        // Start returns once the queues are bound: an event published to an exchange without a bound queue is dropped.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.AddServiceDefaults(ReportingModule.ServiceName);
        builder.Services.AddReporting(builder.Configuration);
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddReporting());
        app = builder.Build();
        app.MapServiceDefaults();
        app.MapReporting();
        await app.StartAsync();
        var endpoints = app.Services.GetRequiredService<ServiceEndpoints>();
        HttpAddress = endpoints.HttpAddress!;
        Channel = GrpcChannel.ForAddress(endpoints.GrpcAddress!);
        Client = new ReportingService.ReportingServiceClient(Channel);
    }
}
