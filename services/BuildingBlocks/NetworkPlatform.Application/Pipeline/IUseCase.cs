using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Application.Pipeline;

/// <summary>
/// One thing a caller can do, with plain records in and out (no transport types). The pipeline
/// (<see cref="UseCasePipeline.RunAsync"/>) runs <see cref="Authorize"/>, then <see cref="Validate"/>, then
/// <see cref="HandleAsync"/>: every use case states who may call it, and nobody learns about the shape of a request they
/// may not send.
/// </summary>
public interface IUseCase<in TRequest, TResult>
{
    /// <summary>
    /// Who may call, from the caller and the request alone (roles, own organisation, own person): throw
    /// <see cref="Failures.PermissionDeniedException"/>. Rules that need stored data (the group's leader) are checked in
    /// <see cref="HandleAsync"/> once it is loaded. The tenant of an <see cref="INetworkRequest"/> is checked before this.
    /// </summary>
    void Authorize(TRequest request, Caller caller);

    /// <summary>Adds every bad field of the request; the pipeline answers them all at once.</summary>
    void Validate(TRequest request, Violations violations);

    Task<TResult> HandleAsync(TRequest request, Caller caller, CancellationToken cancellationToken);
}

/// <summary>A request inside one network (tenant): a caller of another network is refused before anything else.</summary>
public interface INetworkRequest
{
    string NetworkId { get; }

    /// <summary>Where the network id is in the request, for the violation when it is missing.</summary>
    string NetworkIdField => "network_id";
}
