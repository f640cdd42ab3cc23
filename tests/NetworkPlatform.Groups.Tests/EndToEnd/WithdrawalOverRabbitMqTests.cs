using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.Tests.Support;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Testing;
using Role = NetworkPlatform.Groups.V1.Role;

namespace NetworkPlatform.Groups.Tests.EndToEnd;

/// <summary>
/// Distributed wiring on a real RabbitMQ: a RepresentativeWithdrawn committed to membership's outbox is relayed to the
/// broker, consumed by the groups service's inbox handler, and the person is gone from their groups.
/// </summary>
public sealed class WithdrawalOverRabbitMqTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-groups-e2e-").FullName;
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory,
            ["Services:Membership"] = "http://127.0.0.1:9",
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = rabbit.Host,
            ["Bus:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:Username"] = rabbit.Username,
            ["Bus:RabbitMq:Password"] = rabbit.Password,
            ["Bus:OutboxPollInterval"] = "00:00:00.200",
        });
        builder.Services.AddGroups(builder.Configuration);
        // Membership's side: only its database and outbox relay, standing in for the membership process.
        builder.Services.AddDocumentStore(builder.Configuration.GetSection("Storage"), "membership");
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddGroups().AddService("membership"));
        host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task a_representative_withdrawn_in_membership_leaves_their_groups_and_the_group_misses_its_leader()
    {
        var groupsStore = host.Services.GetRequiredKeyedService<IDocumentStore>(GroupsModule.ServiceName);
        var harness = new GroupsHarness(groupsStore, host.Services.GetRequiredKeyedService<IOutbox>(GroupsModule.ServiceName));
        await harness.RegisterPartnerMeetingAsync();
        await harness.ActiveWorkingGroupAsync("wg-digital", "per-ingrid");
        await harness.AssignAsync("wg-digital", "per-marte", Role.Member, "org-aasen");

        var membershipStore = host.Services.GetRequiredKeyedService<IDocumentStore>("membership");
        await using (var unitOfWork = await membershipStore.BeginAsync())
        {
            await unitOfWork.PublishAsync(new RepresentativeWithdrawn(Guid.NewGuid(), DateTimeOffset.UtcNow, Callers.Network, "rep-ingrid", 2,
                "rep-ingrid", "org-fjordvik", "per-ingrid", RepresentativeWithdrawalReasons.Withdrawn, "Sluttet i kommunen", DateTimeOffset.UtcNow, "secretariat-user"));
            await unitOfWork.CommitAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        NetworkPlatform.Groups.Domain.Group group;
        do
        {
            await Task.Delay(200);
            group = (await groupsStore.GetAsync(GroupsCollections.Groups, Callers.Network, "wg-digital"))!.Document;
        }
        while (group.FindParticipant("per-ingrid") is not null && DateTime.UtcNow < deadline);

        Assert.Null(group.FindParticipant("per-ingrid"));
        Assert.NotNull(group.FindParticipant("per-marte"));
        Assert.Contains(NetworkPlatform.Groups.Domain.GroupFlag.LeaderMissing, group.Flags);
    }
}
