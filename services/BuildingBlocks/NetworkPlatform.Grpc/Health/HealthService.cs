using Grpc.Health.V1;

namespace NetworkPlatform.Grpc.Health;

/// <summary>grpc.health.v1.Health over <see cref="HealthStatusManager"/> (what Kubernetes' native gRPC probes and load balancers call).</summary>
internal sealed class HealthService(HealthStatusManager statuses) : global::Grpc.Health.V1.Health.HealthBase
{
    public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        var status = statuses.GetStatus(request.Service)
            ?? throw new RpcException(StatusCode.NotFound, $"No health status is known for service '{request.Service}'; ask for \"\" (the whole server) or a served service's full name.");
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public override async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        using var subscription = statuses.Watch(request.Service);
        await foreach (var status in subscription.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
        {
            await responseStream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
        }
        throw new RpcException(StatusCode.Unavailable, "The server is shutting down; watch another instance.");
    }
}
