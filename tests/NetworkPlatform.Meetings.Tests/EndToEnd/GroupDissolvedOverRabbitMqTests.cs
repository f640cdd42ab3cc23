using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>Another service's view of the meetings events, as it would consume them from the broker.</summary>
public sealed class MeetingEventsRecorder : IEventHandler<MeetingCancelled>, IEventHandler<InvitationIssued>
{
    public static ConcurrentQueue<object> Received { get; } = new();

    public Task HandleAsync(MeetingCancelled domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        Received.Enqueue(domainEvent);
        return Task.CompletedTask;
    }

    public Task HandleAsync(InvitationIssued domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        Received.Enqueue(domainEvent);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Distributed wiring on a real RabbitMQ: a GroupDissolved committed to the groups service's outbox is relayed, the
/// meetings service's inbox handler cancels the group's upcoming meeting, and its MeetingCancelled and the CANCEL notice
/// reach a third service through the broker.
/// </summary>
public sealed class GroupDissolvedOverRabbitMqTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-meetings-e2e-").FullName;
    private IHost host = null!;

    public async Task InitializeAsync()
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory,
            ["Services:Groups"] = "http://127.0.0.1:9",
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = rabbit.Host,
            ["Bus:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:Username"] = rabbit.Username,
            ["Bus:RabbitMq:Password"] = rabbit.Password,
            ["Bus:OutboxPollInterval"] = "00:00:00.200",
        });
        builder.Services.AddMeetings(builder.Configuration);
        // The groups service's side (its database and outbox relay) and an observer standing in for reporting.
        builder.Services.AddDocumentStore(builder.Configuration.GetSection("Storage"), "groups");
        builder.Services.AddDocumentStore(builder.Configuration.GetSection("Storage"), "observer");
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddMeetings()
            .AddService("groups")
            .AddService("observer", events => events.AddHandler<MeetingEventsRecorder>()));
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
    public async Task a_dissolved_group_gets_its_upcoming_meeting_cancelled_and_the_world_hears_of_it()
    {
        var meetingsStore = host.Services.GetRequiredKeyedService<IDocumentStore>(MeetingsModule.ServiceName);
        var start = DateTimeOffset.UtcNow.AddDays(14);
        var meeting = Samples.Invited(Samples.Schedule(MeetingKind.Interim, start)) with { NetworkId = MeetingsFixture.Network };
        await using (var unitOfWork = await meetingsStore.BeginAsync())
        {
            await unitOfWork.InsertAsync(MeetingsCollections.Settings, MeetingsFixture.Network, NetworkSettings.Default(MeetingsFixture.Network) with { Secretariat = Samples.Secretariat });
            await unitOfWork.InsertAsync(MeetingsCollections.Meetings, MeetingsFixture.Network, meeting);
            await unitOfWork.CommitAsync();
        }

        var groupsStore = host.Services.GetRequiredKeyedService<IDocumentStore>("groups");
        await using (var unitOfWork = await groupsStore.BeginAsync())
        {
            await unitOfWork.PublishAsync(new GroupDissolved(Guid.NewGuid(), DateTimeOffset.UtcNow, MeetingsFixture.Network, "g-digital", 5,
                "g-digital", "Slått sammen med skolegruppa", "u-secretariat", "Partnermøtet sak 12/26"));
            await unitOfWork.CommitAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (MeetingEventsRecorder.Received.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var stored = (await meetingsStore.GetAsync(MeetingsCollections.Meetings, MeetingsFixture.Network, meeting.Id))!.Document;
        Assert.Equal(MeetingStatus.Cancelled, stored.Status);
        var cancelled = Assert.Single(MeetingEventsRecorder.Received.OfType<MeetingCancelled>());
        Assert.Equal((meeting.Id, "g-digital"), (cancelled.MeetingId, cancelled.GroupId));
        Assert.Contains("Slått sammen", cancelled.Reason, StringComparison.Ordinal);
        var notice = Assert.Single(MeetingEventsRecorder.Received.OfType<InvitationIssued>());
        Assert.Equal("Cancellation", notice.Purpose);
        Assert.Contains(notice.Cc.Concat(notice.To), r => r.Kind == "Secretariat");
    }
}
