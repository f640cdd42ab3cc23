using NetworkPlatform.Membership.Features;

namespace NetworkPlatform.Membership.Seed;

/// <summary>Seeds the demo networks once the schema is migrated (make run); a no-op when they exist.</summary>
internal sealed class DemoSeedService(MembershipContext context, ILogger<DemoSeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DemoNetworks.SeedAsync(context, cancellationToken);
        logger.LogInformation("Demo networks present: {Networks}",
            string.Join(", ", DemoNetworks.Partnership, DemoNetworks.NationalHph, DemoNetworks.InternationalHph, DemoNetworks.SwedishHph));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
