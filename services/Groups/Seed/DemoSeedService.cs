using NetworkPlatform.Groups.Features;

namespace NetworkPlatform.Groups.Seed;

/// <summary>Seeds the demo groups once the schema is migrated (make run, Groups__SeedDemo=true); a no-op when they exist.</summary>
internal sealed class DemoSeedService(GroupsContext context, ILogger<DemoSeedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await DemoGroups.SeedAsync(context.Store, context.Clock, cancellationToken);
        logger.LogInformation("Demo groups present in {Networks}", string.Join(", ", DemoGroups.Partnership, DemoGroups.NationalHph,
            DemoGroups.InternationalHph));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
