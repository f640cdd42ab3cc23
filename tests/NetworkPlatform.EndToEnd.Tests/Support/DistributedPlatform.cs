using System.Globalization;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Distributed;
using NetworkPlatform.Testing;

namespace NetworkPlatform.EndToEnd.Tests.Support;

/// <summary>
/// The four services in distributed mode (<see cref="PlatformProcesses"/>: the embedded issuer as a process too, each
/// service its client) on the test run's PostgreSQL and RabbitMQ, with an SMTP relay for the meetings service's mail.
/// Started once for every test of the collection; each test works in a network of its own.
/// </summary>
public sealed class DistributedPlatform : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-e2e-").FullName;
    private PlatformProcesses? processes;

    public ServiceProcess Membership => processes!["membership"];

    public ServiceProcess Groups => processes!["groups"];

    public ServiceProcess Meetings => processes!["meetings"];

    public ServiceProcess this[string name] => processes![name];

    /// <summary>Where the meetings service's notices (invitations, cancellations, minutes) arrive as mail.</summary>
    public MailSink Mail { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var postgres = PostgresServer.SharedAsync();
        var rabbit = await RabbitMqServer.SharedAsync();
        Mail = await MailSink.StartAsync(Path.Combine(directory, "mail"));
        processes = await PlatformProcesses.StartAsync(await postgres, rabbit, new Dictionary<string, string>
        {
            ["Notifications__Smtp__Host"] = "127.0.0.1",
            ["Notifications__Smtp__Port"] = Mail.Port.ToString(CultureInfo.InvariantCulture),
            ["Notifications__Smtp__EnableSsl"] = "false",
            ["Notifications__Smtp__From"] = "noreply@partnerskap.example",
        });
    }

    public async Task DisposeAsync()
    {
        if (processes is not null)
        {
            await processes.DisposeAsync();
        }
        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>
    /// A caller of <paramref name="networkId"/> with <paramref name="role"/> (for <paramref name="organisationId"/>): a client
    /// registered at the issuer for it, and its token.
    /// </summary>
    public Task<Metadata> CallerAsync(string networkId, string role, string? organisationId = null) =>
        processes!.CallerAsync(networkId, role, organisationId);

    /// <summary>The connection string of a service's own PostgreSQL database.</summary>
    public string DatabaseOf(string service) => processes!.DatabaseOf(service);

    /// <summary>The logs of the services, the issuer and the mail sink, for a failure message.</summary>
    public string Logs() => processes!.Logs() + '\n' + Mail.Log();
}

[CollectionDefinition(Name)]
public sealed class DistributedPlatformCollection : ICollectionFixture<DistributedPlatform>
{
    public const string Name = "distributed platform";
}
