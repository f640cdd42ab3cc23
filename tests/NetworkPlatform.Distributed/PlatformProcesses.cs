using System.Globalization;
using System.Security.Cryptography;
using Grpc.Core;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Distributed;

/// <summary>
/// The platform in distributed mode, as `make up` and Kubernetes run it: each service its own process with its own
/// PostgreSQL database, events over one RabbitMQ, peers at Services__*, partner tokens from a development issuer and the
/// services' own signing key (Auth__ServiceSigningKeyFile) for the calls their event handlers make. Each listens on the
/// port it got; a service starts once the peers it calls listen, so that it knows their addresses.
/// </summary>
public sealed class PlatformProcesses : IAsyncDisposable
{
    /// <summary>Each service with its project, a gRPC service of it whose health follows readiness, and the peers it calls.</summary>
    public static readonly IReadOnlyList<(string Name, string Project, string HealthService, string[] Peers)> AllServices =
    [
        ("membership", "Membership", "networkplatform.membership.v1.NetworkService", []),
        ("reporting", "Reporting", "networkplatform.reporting.v1.ReportingService", []),
        ("groups", "Groups", "networkplatform.groups.v1.GroupsService", ["membership"]),
        ("meetings", "Meetings", "networkplatform.meetings.v1.MeetingsService", ["membership", "groups"]),
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Dictionary<string, ServiceProcess> services = [];
    private readonly Dictionary<string, string> databases = [];

    private PlatformProcesses(string directory, DevelopmentTokens tokens)
    {
        Directory = directory;
        Tokens = tokens;
    }

    /// <summary>A folder of its own (signing keys), removed on dispose.</summary>
    public string Directory { get; }

    public DevelopmentTokens Tokens { get; }

    public IReadOnlyCollection<ServiceProcess> Services => services.Values;

    public ServiceProcess this[string name] => services[name];

    /// <summary>
    /// Starts <paramref name="names"/> (default: all four) and waits until each is SERVING. <paramref name="environment"/>
    /// adds to or overrides the settings every service gets (e.g. Storage__MaxPoolSize, the meetings mail relay).
    /// </summary>
    public static async Task<PlatformProcesses> StartAsync(
        PostgresServer postgres, RabbitMqServer rabbit, IReadOnlyDictionary<string, string>? environment = null,
            IReadOnlyCollection<string>? names = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("np-platform-").FullName;
        var platform = new PlatformProcesses(directory, DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "auth")));
        try
        {
            var serviceKey = Path.Combine(directory, "auth", "service-signing-key.pem");
            using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
            {
                await File.WriteAllTextAsync(serviceKey, key.ExportPkcs8PrivateKeyPem());
            }
            var common = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Storage__Provider"] = "postgres",
                ["Bus__Transport"] = "rabbitmq",
                ["Bus__RabbitMq__Host"] = rabbit.Host,
                ["Bus__RabbitMq__Port"] = rabbit.Port.ToString(CultureInfo.InvariantCulture),
                ["Bus__RabbitMq__VirtualHost"] = "/",
                ["Bus__RabbitMq__Username"] = rabbit.Username,
                ["Bus__RabbitMq__Password"] = rabbit.Password,
                // Quicker than the default second, so a test waits on the broker rather than on the relay's poll.
                ["Bus__OutboxPollInterval"] = "00:00:00.200",
                ["Auth__Issuer"] = DevelopmentTokens.Issuer,
                ["Auth__Audience"] = DevelopmentTokens.Audience,
                ["Auth__SigningKeyFile"] = platform.Tokens.JwksPath,
                ["Auth__ServiceSigningKeyFile"] = serviceKey,
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                common[name] = value;
            }
            // A service starts once the peers it calls listen (their addresses go into its settings); the others at once.
            var starting = new Dictionary<string, Task<ServiceProcess>>();
            foreach (var (name, project, healthService, peers) in AllServices.Where(s => names is null || names.Contains(s.Name)))
            {
                platform.databases[name] = await postgres.CreateDatabaseAsync(name);
                var settings = new Dictionary<string, string>(common) { ["Storage__ConnectionString"] = platform.databases[name] };
                var peersStarting = peers.Where(starting.ContainsKey).Select(p => starting[p]).ToList();
                starting[name] = StartAfterAsync(name, project, healthService, settings, peersStarting, platform.services);
            }
            await Task.WhenAll(starting.Values);
            await Task.WhenAll(platform.services.Values.Select(s => s.WaitUntilServingAsync(StartTimeout)));
            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the service once its peers listen and adds it to <paramref name="started"/> (disposed even if another
    /// fails).</summary>
    private static async Task<ServiceProcess> StartAfterAsync(string name, string project, string healthService,
        Dictionary<string, string> settings, IReadOnlyList<Task<ServiceProcess>> peers, Dictionary<string, ServiceProcess> started)
    {
        foreach (var peer in await Task.WhenAll(peers))
        {
            settings[$"Services__{char.ToUpperInvariant(peer.Name[0])}{peer.Name[1..]}"] = peer.Address;
        }
        var service = await ServiceProcess.StartAsync(name, project, healthService, settings);
        lock (started)
        {
            started[name] = service;
        }
        return service;
    }

    /// <summary>The connection string of a service's own database.</summary>
    public string DatabaseOf(string service) => databases[service];

    /// <summary>A partner's token (the development issuer) as call metadata.</summary>
    public Metadata As(string subject, string networkId, string role, string? organisationId = null, string? personId = null) =>
        new Metadata { { "authorization", "Bearer " + Tokens.Issue(subject, networkId, [role], organisationId, personId) } };

    /// <summary>The logs of every service, for a failure message.</summary>
    public string Logs(int lines = 60) => string.Join('\n', services.Values.Select(s => s.Log(lines)));

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services.Values)
        {
            await service.DisposeAsync();
        }
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
