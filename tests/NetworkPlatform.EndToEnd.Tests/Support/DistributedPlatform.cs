using System.Globalization;
using Grpc.Core;
using NetworkPlatform.Testing;

namespace NetworkPlatform.EndToEnd.Tests.Support;

/// <summary>
/// The platform in distributed mode, as `make up` and Kubernetes run it: membership, groups and meetings each in its
/// own process on its own port with its own PostgreSQL database, events over one RabbitMQ (Bus__Transport=rabbitmq),
/// peers at Services__*, the embedded issuer as its own process (Auth__Authority) where each service is a client of its
/// own for the calls its event handlers make, and an SMTP relay for the meetings service's mail. Callers are clients
/// registered at the issuer for a test's network. Started once for every test of the collection;
/// each test works in a network of its own.
/// </summary>
public sealed class DistributedPlatform : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string directory = Directory.CreateTempSubdirectory("np-e2e-").FullName;
    private readonly List<ServiceProcess> services = [];

    /// <summary>The token issuer; each service is its client service-&lt;name&gt;.</summary>
    public IssuerProcess Issuer { get; private set; } = null!;

    public ServiceProcess Membership { get; private set; } = null!;

    public ServiceProcess Groups { get; private set; } = null!;

    public ServiceProcess Meetings { get; private set; } = null!;

    /// <summary>Where the meetings service's notices (invitations, cancellations, minutes) arrive as mail.</summary>
    public MailSink Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.SharedAsync();
        var rabbit = await RabbitMqServer.SharedAsync();
        Issuer = await IssuerProcess.StartAsync(["service-membership", "service-groups", "service-meetings"]);

        Mail = await MailSink.StartAsync(Path.Combine(directory, "mail"));

        var ports = new Dictionary<string, int> { ["membership"] = FreePort.Next(), ["groups"] = FreePort.Next(), ["meetings"] = FreePort.Next() };
        var common = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__Format"] = "text",
            ["Storage__Provider"] = "postgres",
            ["Bus__Transport"] = "rabbitmq",
            ["Bus__RabbitMq__Host"] = rabbit.Host,
            ["Bus__RabbitMq__Port"] = rabbit.Port.ToString(CultureInfo.InvariantCulture),
            ["Bus__RabbitMq__VirtualHost"] = "/",
            ["Bus__RabbitMq__Username"] = rabbit.Username,
            ["Bus__RabbitMq__Password"] = rabbit.Password,
            // Quicker than the default second, so a test waits on the broker rather than on the relay's poll.
            ["Bus__OutboxPollInterval"] = "00:00:00.200",
            ["Auth__Authority"] = Issuer.Authority,
            ["Auth__Audience"] = "networkplatform",
            ["Services__Membership"] = $"http://127.0.0.1:{ports["membership"]}",
            ["Services__Groups"] = $"http://127.0.0.1:{ports["groups"]}",
            ["Services__Meetings"] = $"http://127.0.0.1:{ports["meetings"]}",
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications__Smtp__EnableSsl"] = "false",
            ["Notifications__Smtp__From"] = "noreply@partnerskap.example",
        };

        foreach (var (name, project) in new[] { ("membership", "Membership"), ("groups", "Groups"), ("meetings", "Meetings") })
        {
            var environment = new Dictionary<string, string>(common)
            {
                ["Storage__ConnectionString"] = await (await postgres).CreateDatabaseAsync(name),
                ["Auth__ClientId"] = $"service-{name}",
                ["Auth__ClientSecretFile"] = Issuer.SecretFile($"service-{name}"),
            };
            services.Add(ServiceProcess.Start(name, project, ports[name], environment));
        }
        Membership = services[0];
        Groups = services[1];
        Meetings = services[2];
        await Task.WhenAll(services.Select(s => s.WaitUntilServingAsync(StartTimeout)));
    }

    public async Task DisposeAsync()
    {
        foreach (var service in services)
        {
            await service.DisposeAsync();
        }
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
        if (Issuer is not null)
        {
            await Issuer.DisposeAsync();
        }
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A caller of <paramref name="networkId"/> with <paramref name="role"/>: a client registered at the issuer for it, and its token.</summary>
    public async Task<Metadata> CallerAsync(string networkId, string role)
    {
        var clientId = $"test-{networkId}-{role}";
        var registered = await Issuer.RunAsync("register-client", "--client-id", clientId, "--kind", "partner", "--network", networkId, "--roles", role);
        var token = await Issuer.ClientTokenAsync(clientId, secret: IssuerProcess.Printed(registered, "client_secret"));
        return new Metadata { { "authorization", "Bearer " + token } };
    }

    /// <summary>The logs of all three services, the issuer and the mail sink, for a failure message.</summary>
    public string Logs() => string.Join('\n', services.Select(s => s.Log())) + '\n' + Issuer.Log() + '\n' + Mail.Log();
}

[CollectionDefinition(Name)]
public sealed class DistributedPlatformCollection : ICollectionFixture<DistributedPlatform>
{
    public const string Name = "distributed platform";
}
