using NetworkPlatform.Grpc.Health;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Storage;
using ServingStatus = global::Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace NetworkPlatform.Membership;

/// <summary>
/// Reports the membership services in grpc.health.v1: SERVING while the service's database answers, NOT_SERVING
/// when it does not (checked every few seconds), so probes and load balancers route around a broken replica.
/// </summary>
internal sealed class MembershipHealth(HealthStatusManager health, [FromKeyedServices(MembershipModule.ServiceName)] IStorageDatabase database, ILogger<MembershipHealth> logger)
    : BackgroundService
{
    public static readonly string[] ServiceNames =
    [
        NetworkService.ServiceName, OrganisationService.ServiceName, PersonService.ServiceName,
        RepresentativeService.ServiceName, ParticipationService.ServiceName, DirectoryService.ServiceName,
    ];

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            var status = await CheckAsync(stoppingToken);
            foreach (var name in ServiceNames)
            {
                health.SetStatus(name, status);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<ServingStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.CheckReachableAsync(cancellationToken);
            return ServingStatus.Serving;
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogWarning(failure, "The membership database is unreachable; reporting NOT_SERVING.");
            return ServingStatus.NotServing;
        }
    }
}
