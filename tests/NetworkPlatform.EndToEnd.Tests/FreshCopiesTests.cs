using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Application;
using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20.2 across the processes: a change on the owning service reaches the copy another service keeps of it
/// (docs/events/README.md lists the copies): membership's hours set aside reach reporting's time invested over RabbitMQ.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class FreshCopiesTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task raising_a_representatives_hours_from_8_to_10_reaches_reportings_time_invested()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", "Ingrid Haugen", "ingrid@fjordvik.example");
        var reporting = new ReportingService.ReportingServiceClient(platform["reporting"].Channel);
        var reader = await platform.CallerAsync(network.Id, Roles.DashboardReader);
        async Task<double> HoursSetAsideAsync() => (await reporting.GetNetworkHealthAsync(
            new GetNetworkHealthRequest { NetworkId = network.Id, Year = DateTime.UtcNow.Year }, reader, TestNetwork.Soon))
            .Organisations.SingleOrDefault(o => o.OrganisationId == ingrid.OrganisationId)?.HoursSetAside ?? 0;
        var before = await Eventually.UntilAsync(HoursSetAsideAsync, h => h > 0, EventTimeout);

        await network.Representatives.UpdateRepresentativeAsync(new UpdateRepresentativeRequest
        {
            NetworkId = network.Id,
            Representative = new Representative { Id = ingrid.Id, HoursPerMonth = 10, Etag = ingrid.Etag },
            UpdateMask = new FieldMask { Paths = { "hours_per_month" } },
        }, network.Secretariat, TestNetwork.Soon);
        var after = await Eventually.UntilAsync(HoursSetAsideAsync, h => h > before, EventTimeout);

        Assert.True(before > 0, $"Reporting never learnt the appointment.\n{platform.Logs()}");
        // The same months at 10 hours instead of 8 (each rounded to hundredths).
        Assert.Equal(before * 10 / 8, after, 1);
    }
}
