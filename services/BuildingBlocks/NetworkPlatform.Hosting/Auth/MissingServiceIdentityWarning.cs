using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Says at start-up, once, why a service's event handlers will be refused by its peers: it calls them outside any
/// request, and without a client at the issuer it has no token of its own to send.
/// </summary>
internal sealed class MissingServiceIdentityWarning(string serviceName, ILogger<MissingServiceIdentityWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("Auth__ClientId is not set: the {Service} service's event handlers call their peers without a token, " +
            "and the peers refuse them. " +
            "Register a client for the service at the issuer and set Auth__ClientId and Auth__ClientSecretFile.", serviceName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
