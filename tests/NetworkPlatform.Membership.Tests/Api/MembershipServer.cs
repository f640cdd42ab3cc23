using Grpc.Net.Client;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Events;
using NetworkPlatform.Hosting;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Tests.Features;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Membership.Tests.Api;

/// <summary>
/// The membership service on Grpc.AspNetCore (h2c on the port it got) with real JWT validation against a
/// development signing key, on SQLite or on the private PostgreSQL, with its event handlers on the in-memory bus
/// (as Program.cs wires them); clients use Grpc.Net.Client.
/// </summary>
public abstract class MembershipServer(string provider) : IAsyncLifetime
{
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("membership-api-").FullName;
    private WebApplication? app;

    public GrpcChannel Channel { get; private set; } = null!;

    public DevelopmentTokens Tokens { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    /// <summary>Publishes an event on the bus, as another service's outbox relay would.</summary>
    public Task PublishAsync(IDomainEvent domainEvent) =>
        Services.GetRequiredService<IBus>().Publish(domainEvent, domainEvent.GetType(), context => context.MessageId = domainEvent.EventId);

    public async Task InitializeAsync()
    {
        Tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "keys"));
        var storage = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:DataDirectory"] = directory,
            ["Auth:Issuer"] = Tokens.AuthOptions.Issuer,
            ["Auth:Audience"] = Tokens.AuthOptions.Audience,
            ["Auth:SigningKeyFile"] = Tokens.AuthOptions.SigningKeyFile,
            ["Logging:Format"] = "text",
            ["urls"] = "http://127.0.0.1:0",
        };
        if (provider == MembershipStore.Postgres)
        {
            storage["Storage:ConnectionString"] = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("membership_api");
        }
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(storage);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults(MembershipModule.ServiceName);
        builder.Logging.ClearProviders();
        builder.Services.AddMembership(builder.Configuration);
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddMembership());
        app = builder.Build();
        app.MapMembership();
        await app.StartAsync();
        Channel = GrpcChannel.ForAddress(app.Urls.Single());
    }

    public async Task DisposeAsync()
    {
        Channel.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(directory, recursive: true);
    }
}

public sealed class SqliteMembershipServer() : MembershipServer(MembershipStore.Sqlite);

public sealed class PostgresMembershipServer() : MembershipServer(MembershipStore.Postgres);
