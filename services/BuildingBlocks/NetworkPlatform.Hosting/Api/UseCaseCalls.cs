using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Hosting.Auth;

namespace NetworkPlatform.Hosting.Api;

/// <summary>
/// How an Api class runs a use case for a gRPC call: the caller from its token, the pipeline (with the service's
/// <see cref="INetworkCheck"/> when it registered one), the result as proto.
/// </summary>
public static class UseCaseCalls
{
    public static async Task<TResponse> RunAsync<TRequest, TResult, TResponse>(this ServerCallContext context,
        IUseCase<TRequest, TResult> useCase, TRequest request, Func<TResult, Caller, TResponse> toProto)
    {
        var caller = context.GetCaller();
        var result = await useCase.RunAsync(request, caller, context.CancellationToken, Networks(context)).ConfigureAwait(false);
        return toProto(result, caller);
    }

    public static async Task<TResponse> RunAsync<TRequest, TResult, TResponse>(this ServerCallContext context,
        IUseCase<TRequest, TResult> useCase, TRequest request, Func<TResult, TResponse> toProto)
    {
        var result = await useCase.RunAsync(request, context.GetCaller(), context.CancellationToken, Networks(context))
            .ConfigureAwait(false);
        return toProto(result);
    }

    private static INetworkCheck? Networks(ServerCallContext context) =>
        context.GetHttpContext().RequestServices.GetService<INetworkCheck>();
}
