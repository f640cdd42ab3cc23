using NetworkPlatform.Application.Pipeline;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Tests.Features;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;
using NetworkPlatform.Testing;
using V1 = NetworkPlatform.Membership.V1;
using Organisations = NetworkPlatform.Membership.Features.Organisations;
using static NetworkPlatform.Membership.Api.OrganisationMapping;

namespace NetworkPlatform.Membership.Tests.Events;

/// <summary>The membership events leave through the outbox and reach a consumer over a real RabbitMQ node.</summary>
public sealed class MembershipEventsOnRabbitMqTests
{
    /// <summary>What the consumer received, shared with the test through DI.</summary>
    public sealed class Observed
    {
        public ConcurrentQueue<IDomainEvent> Events { get; } = new();
    }

    /// <summary>A consumer like the groups service's: it learns that a membership ended and which appointments ended with it.</summary>
    public sealed class ResignationObserver(Observed observed) : IEventHandler<MembershipResigned>, IEventHandler<RepresentativeWithdrawn>
    {
        public Task HandleAsync(MembershipResigned domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
            Record(domainEvent);

        public Task HandleAsync(RepresentativeWithdrawn domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken) =>
            Record(domainEvent);

        private Task Record(IDomainEvent domainEvent)
        {
            observed.Events.Enqueue(domainEvent);
            return Task.CompletedTask;
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task a_resignation_and_the_appointments_it_ended_arrive_at_a_consumer_over_rabbitmq()
    {
        var rabbit = await RabbitMqServer.SharedAsync();
        var directory = Directory.CreateTempSubdirectory("membership-bus-").FullName;
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:DataDirectory"] = directory,
            ["Bus:Transport"] = "RabbitMq",
            ["Bus:RabbitMq:Host"] = rabbit.Host,
            ["Bus:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:RabbitMq:Username"] = rabbit.Username,
            ["Bus:RabbitMq:Password"] = rabbit.Password,
            ["Bus:OutboxPollInterval"] = "00:00:00.200",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<Observed>();
        // Start returns once the consumer's queue is bound: an event published to an exchange without a bound queue is dropped.
        builder.Services.Configure<MassTransit.MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMembership(builder.Configuration);
        builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus
            .AddService(MembershipModule.ServiceName)
            .AddService("membership-test-observer", service => service.AddHandler<ResignationObserver>()));
        await using var app = builder.Build();
        await app.StartAsync();
        try
        {
            var context = app.Services.GetRequiredService<MembershipContext>();
            var scenario = await new Scenario(context, "bus-" + Guid.NewGuid().ToString("N")[..10]).WithNetworkAsync();
            var member = await scenario.ActiveMemberAsync();
            var first = await scenario.AppointAsync(member, await scenario.PersonAsync(member, "Ingrid Haugen"));
            var second = await scenario.AppointAsync(member, await scenario.PersonAsync(member, "Jonas Berg"),
                V1.RepresentativeRole.Deputy);

            await new Organisations.ResignMembership(context).RunAsync(
                ToCommand(new V1.ResignMembershipRequest { NetworkId = scenario.NetworkId, OrganisationId = member, Reason = "Leaving" }),
                scenario.Secretariat, default);

            var observed = app.Services.GetRequiredService<Observed>();
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (observed.Events.Count < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            var resigned = Assert.Single(observed.Events.OfType<MembershipResigned>());
            Assert.Equal((scenario.NetworkId, member, "Leaving"), (resigned.NetworkId, resigned.OrganisationId, resigned.Reason));
            Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal),
                resigned.EndedRepresentativeIds.Order(StringComparer.Ordinal));
            var withdrawn = observed.Events.OfType<RepresentativeWithdrawn>().ToList();
            Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal),
                withdrawn.Select(w => w.RepresentativeId).Order(StringComparer.Ordinal));
            Assert.All(withdrawn, w => Assert.Equal(RepresentativeWithdrawalReasons.MembershipEnded, w.Reason));
        }
        finally
        {
            await app.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
