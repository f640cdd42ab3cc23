using System.Collections.Concurrent;
using System.Globalization;
using Grpc.Core;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Distributed;

/// <summary>
/// The platform in distributed mode, as `make up` and Kubernetes run it: each service its own process with its own
/// PostgreSQL database, events over one RabbitMQ, peers at Services__*, and the embedded issuer as its own process
/// (Auth__Authority), where each service is a client of its own (service-&lt;name&gt;) for the calls its event handlers
/// make and callers are clients registered for their network (<see cref="CallerAsync"/>). Each listens on the port it
/// got; a service starts once the peers it calls listen, so that it knows their addresses.
/// </summary>
public sealed class PlatformProcesses : IAsyncDisposable
{
    /// <summary>Each service with its project, a gRPC service of it whose health follows readiness, and the peers it calls.</summary>
    public static readonly IReadOnlyList<(string Name, string Project, string HealthService, string[] Peers)> AllServices =
    [
        ("membership", "Membership", "networkplatform.membership.v1.NetworkService", []),
        ("reporting", "Reporting", "networkplatform.reporting.v1.ReportingService", ["membership"]),
        ("groups", "Groups", "networkplatform.groups.v1.GroupsService", ["membership"]),
        ("meetings", "Meetings", "networkplatform.meetings.v1.MeetingsService", ["membership", "groups"]),
    ];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Longer than any run (a soak's ten minutes among them), so a caller's token is fetched once.</summary>
    private static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(12);

    private readonly Dictionary<string, ServiceProcess> services = [];
    private readonly Dictionary<string, string> databases = [];
    private readonly ConcurrentDictionary<(string Network, string Role, string? Organisation), Lazy<Task<Metadata>>> callers = new();

    private PlatformProcesses(IssuerProcess issuer)
    {
        Issuer = issuer;
    }

    /// <summary>The token issuer; each service is its client service-&lt;name&gt;.</summary>
    public IssuerProcess Issuer { get; }

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
        var selected = AllServices.Where(s => names is null || names.Contains(s.Name)).ToList();
        var issuer = await IssuerProcess.StartAsync(selected.Select(s => ClientOf(s.Name)), new Dictionary<string, string>
        {
            ["Identity__AccessTokenLifetime"] = AccessTokenLifetime.ToString("c", CultureInfo.InvariantCulture),
        });
        var platform = new PlatformProcesses(issuer);
        try
        {
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
                ["Auth__Authority"] = issuer.Authority,
                ["Auth__Audience"] = IssuerProcess.Audience,
            };
            foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            {
                common[name] = value;
            }
            // A service starts once the peers it calls listen (their addresses go into its settings); the others at once.
            var starting = new Dictionary<string, Task<ServiceProcess>>();
            foreach (var (name, project, healthService, peers) in selected)
            {
                platform.databases[name] = await postgres.CreateDatabaseAsync(name);
                var settings = new Dictionary<string, string>(common)
                {
                    ["Storage__ConnectionString"] = platform.databases[name],
                    ["Auth__ClientId"] = ClientOf(name),
                    ["Auth__ClientSecretFile"] = issuer.SecretFile(ClientOf(name)),
                };
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

    /// <summary>
    /// A caller of <paramref name="networkId"/> with <paramref name="role"/> as call metadata: a client registered for them
    /// at the issuer (once per network, role and organisation) and its token.
    /// </summary>
    public Task<Metadata> CallerAsync(string networkId, string role, string? organisationId = null) =>
        callers.GetOrAdd((networkId, role, organisationId),
            key => new Lazy<Task<Metadata>>(() => Issuer.CallerAsync(key.Network, key.Role, key.Organisation))).Value;

    /// <summary>The logs of every service and the issuer, for a failure message.</summary>
    public string Logs(int lines = 60) => string.Join('\n', services.Values.Select(s => s.Log(lines)).Append(Issuer.Log(lines)));

    public async ValueTask DisposeAsync()
    {
        foreach (var service in services.Values)
        {
            await service.DisposeAsync();
        }
        await Issuer.DisposeAsync();
    }

    private static string ClientOf(string service) => $"service-{service}";
}
