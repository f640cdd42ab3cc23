using NetworkPlatform.Application;
using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Reflection;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Conformance.Tests;

/// <summary>
/// The membership service hosted as its Program.cs hosts it (AddServiceDefaults, SQLite, the in-memory bus, the demo
/// networks) on ports Kestrel picks, a secretariat token of the demo partnership, and python stubs generated once.
/// Records every call the service measured (rpc.server.call.duration) so tests can see how the server ended a call.
/// </summary>
public sealed class MembershipEndpoint : IAsyncLifetime
{
    public const string Network = "partnerskap-mot-mobbing";

    public static readonly string GoogleApiProtos = typeof(MembershipEndpoint).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "GoogleApiProtos").Value!;

    private readonly string directory = Directory.CreateTempSubdirectory("np-conformance-").FullName;
    private readonly MeterListener calls = new();
    private WebApplication app = null!;

    public int Port { get; private set; }

    public string Token { get; private set; } = null!;

    public string StubsDirectory => Path.Combine(directory, "stubs");

    /// <summary>Method (e.g. Watch) and grpc status code of every call the server finished.</summary>
    public ConcurrentQueue<(string Method, int StatusCode)> FinishedCalls { get; } = new();

    public static string Scripts { get; } = RepositoryPaths.Combine("tests", "NetworkPlatform.Conformance.Tests", "python");

    public async Task InitializeAsync()
    {
        var tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "keys"));
        Token = tokens.Issue("conformance", Network, [Roles.Secretariat]);
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BIND_ADDRESS"] = "127.0.0.1",
            ["GRPC_PORT"] = "0",
            ["HTTP_PORT"] = "0",
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory,
            ["Auth:Issuer"] = DevelopmentTokens.Issuer,
            ["Auth:Audience"] = DevelopmentTokens.Audience,
            ["Auth:SigningKeyFile"] = tokens.JwksPath,
            [MembershipModule.SeedDemoKey] = "true",
            ["Logging:Format"] = "text",
        });
        builder.AddServiceDefaults(MembershipModule.ServiceName);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMembership(builder.Configuration);
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddMembership());
        app = builder.Build();
        app.MapServiceDefaults();
        app.MapMembership();
        RecordFinishedCalls();
        await app.StartAsync();
        Port = app.Services.GetRequiredService<ServiceEndpoints>().GrpcAddress!.Port;
        await WaitUntilServingAsync();
        await PythonPeer.RunSuccessfullyAsync(Path.Combine(Scripts, "generate_stubs.py"),
            [RepositoryPaths.Combine("protos"), GoogleApiProtos, StubsDirectory], TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync()
    {
        calls.Dispose();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>Runs one case of a python script against the service and returns its output; fails with it unless it passed.</summary>
    public Task<string> RunPythonAsync(string script, string testCase) =>
        PythonPeer.RunSuccessfullyAsync(Path.Combine(Scripts, script),
            [testCase, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StubsDirectory, Token], TimeSpan.FromSeconds(90));

    /// <summary>Health statuses are published by the checks' first run, 5 s after the start.</summary>
    private async Task WaitUntilServingAsync()
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port}");
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                var status = await health.CheckAsync(new HealthCheckRequest { Service = "networkplatform.membership.v1.NetworkService" });
                if (status.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                // Not published yet.
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The membership service did not become SERVING within 30 s.");
            }
            await Task.Delay(200);
        }
    }

    private void RecordFinishedCalls()
    {
        calls.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == "rpc.server.call.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        calls.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            string? method = null;
            var status = -1;
            foreach (var tag in tags)
            {
                (method, status) = tag.Key switch
                {
                    "rpc.method" => ((string?)tag.Value, status),
                    "rpc.grpc.status_code" => (method, (int)tag.Value!),
                    _ => (method, status),
                };
            }
            FinishedCalls.Enqueue((method ?? "", status));
        });
        calls.Start();
    }
}

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<MembershipEndpoint>
{
    public const string Name = "conformance";
}
