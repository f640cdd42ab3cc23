namespace NetworkPlatform.Application.Pipeline;

/// <summary>
/// Whether a network exists (the membership service owns networks). A service that keeps data per network asks before it
/// handles a request of one, so a network that was never created gets NOT_FOUND rather than an empty answer or a record.
/// </summary>
public interface INetworkCheck
{
    /// <summary>Throws <see cref="Failures.NotFoundException"/> (networkplatform.membership.v1.Network) when it does not exist.</summary>
    Task EnsureExistsAsync(string networkId, CancellationToken cancellationToken);
}
