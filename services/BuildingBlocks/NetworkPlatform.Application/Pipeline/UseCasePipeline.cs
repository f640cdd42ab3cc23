using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Application.Pipeline;

/// <summary>The one call pipeline: tenant, authorization, validation (every violation at once), then the use case.</summary>
public static class UseCasePipeline
{
    public static Task<TResult> RunAsync<TRequest, TResult>(
        this IUseCase<TRequest, TResult> useCase, TRequest request, Caller caller, CancellationToken cancellationToken)
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
        return useCase.HandleAsync(request, caller, cancellationToken);
    }
}
