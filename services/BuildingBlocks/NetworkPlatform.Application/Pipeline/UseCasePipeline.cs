using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Application.Pipeline;

/// <summary>
/// The one call pipeline: tenant, authorization, validation (every violation at once), the network's existence (when a
/// <see cref="INetworkCheck"/> is given), then the use case.
/// </summary>
public static class UseCasePipeline
{
    public static Task<TResult> RunAsync<TRequest, TResult>(
        this IUseCase<TRequest, TResult> useCase, TRequest request, Caller caller, CancellationToken cancellationToken,
        INetworkCheck? networks = null)
    {
        if (request is INetworkRequest scoped)
        {
            if (string.IsNullOrEmpty(scoped.NetworkId))
            {
                throw new InvalidFieldsException(scoped.NetworkIdField, "Required: the network id, e.g. \"norsk-hph\".");
            }
            caller.EnsureNetwork(scoped.NetworkId);
        }
        useCase.Authorize(request, caller);
        var violations = new Violations();
        useCase.Validate(request, violations);
        violations.ThrowIfAny();
        return networks is not null && request is INetworkRequest inNetwork
            ? HandleInExistingNetworkAsync(useCase, request, caller, networks, inNetwork.NetworkId, cancellationToken)
            : useCase.HandleAsync(request, caller, cancellationToken);
    }

    private static async Task<TResult> HandleInExistingNetworkAsync<TRequest, TResult>(IUseCase<TRequest, TResult> useCase,
        TRequest request, Caller caller, INetworkCheck networks, string networkId, CancellationToken cancellationToken)
    {
        await networks.EnsureExistsAsync(networkId, cancellationToken).ConfigureAwait(false);
        return await useCase.HandleAsync(request, caller, cancellationToken).ConfigureAwait(false);
    }
}
