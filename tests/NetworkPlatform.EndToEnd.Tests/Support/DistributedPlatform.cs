using System.Globalization;
using System.Security.Cryptography;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Testing;

namespace NetworkPlatform.EndToEnd.Tests.Support;

/// <summary>
/// The platform in distributed mode, as `make up` and Kubernetes run it: membership, groups and meetings each in its
/// own process on its own port with its own PostgreSQL database, events over one RabbitMQ (Bus__Transport=rabbitmq),
/// peers at Services__*, partner tokens from a development issuer, and the services' own signing key
/// (Auth__ServiceSigningKeyFile) for the calls their event handlers make, and an SMTP relay for the meetings service's
/// mail. Started once for every test of the collection;
/// each test works in a network of its own.
/// </summary>
public sealed class DistributedPlatform : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string directory = Directory.CreateTempSubdirectory("np-e2e-").FullName;
    private readonly List<ServiceProcess> services = [];

    public DevelopmentTokens Tokens { get; private set; } = null!;

    public ServiceProcess Membership { get; private set; } = null!;

    public ServiceProcess Groups { get; private set; } = null!;

    public ServiceProcess Meetings { get; private set; } = null!;

    /// <summary>Where the meetings service's notices (invitations, cancellations, minutes) arrive as mail.</summary>
    public MailSink Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.SharedAsync();
        var rabbit = await RabbitMqServer.SharedAsync();
        Tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "auth"));
        var serviceKey = Path.Combine(directory, "auth", "service-signing-key.pem");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(serviceKey, key.ExportPkcs8PrivateKeyPem());
        }

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
            ["Auth__Issuer"] = DevelopmentTokens.Issuer,
            ["Auth__Audience"] = DevelopmentTokens.Audience,
            ["Auth__SigningKeyFile"] = Tokens.JwksPath,
            ["Auth__ServiceSigningKeyFile"] = serviceKey,
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
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A partner's token (the development issuer) as call metadata.</summary>
    public Metadata As(string subject, string networkId, string role, string? organisationId = null, string? personId = null) =>
        new Metadata { { "authorization", "Bearer " + Tokens.Issue(subject, networkId, [role], organisationId, personId) } };

    /// <summary>The logs of all three services and the mail sink, for a failure message.</summary>
    public string Logs() => string.Join('\n', services.Select(s => s.Log())) + '\n' + Mail.Log();
}

[CollectionDefinition(Name)]
public sealed class DistributedPlatformCollection : ICollectionFixture<DistributedPlatform>
{
    public const string Name = "distributed platform";
}
