using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Messaging.Bus;

/// <summary>
/// A service's database as registered in DI: keyed by the service name when one process hosts several services
/// (standalone), otherwise the process's only <see cref="IDocumentStore"/> / <see cref="IOutbox"/>.
/// </summary>
public static class ServiceStorage
{
    public static IDocumentStore DocumentStore(IServiceProvider services, string serviceName) =>
        services.GetKeyedService<IDocumentStore>(serviceName) ?? services.GetService<IDocumentStore>()
        ?? throw new InvalidOperationException(
            $"No IDocumentStore for service '{serviceName}': register the service's storage before its event consumers.");

    public static IOutbox Outbox(IServiceProvider services, string serviceName) =>
        services.GetKeyedService<IOutbox>(serviceName) ?? services.GetService<IOutbox>()
        ?? throw new InvalidOperationException(
            $"No IOutbox for service '{serviceName}': register the service's storage before its outbox relay.");
}
