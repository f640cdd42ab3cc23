using NetworkPlatform.Grpc.Server;

namespace NetworkPlatform.Grpc.Hosting;

/// <summary>
/// The mapped services and a handler per :path. Filled while the app is being set up (MapGrpcService), then only read,
/// so lookups need no lock.
/// </summary>
internal sealed class GrpcServiceRegistry(GrpcServerRuntime runtime)
{
    private readonly Dictionary<string, ServerCallHandler> handlers = new(StringComparer.Ordinal);
    private readonly List<ServerServiceDefinition> services = [];

    public IReadOnlyList<ServerServiceDefinition> Services => services;

    public void Add(ServerServiceDefinition service)
    {
        if (services.Exists(s => s.ServiceName == service.ServiceName))
        {
            throw new InvalidOperationException($"gRPC service {service.ServiceName} is mapped twice; map each service once.");
        }
        foreach (var method in service.Methods)
        {
            handlers.Add(method.FullName, method.CreateHandler(runtime));
        }
        services.Add(service);
    }

    public bool TryGetHandler(string path, out ServerCallHandler handler) => handlers.TryGetValue(path, out handler!);

    public bool IsServicePath(string path)
    {
        var slash = path.IndexOf('/', 1);
        if (slash < 0)
        {
            return false;
        }
        var serviceName = path.AsSpan(1, slash - 1);
        foreach (var service in services)
        {
            if (serviceName.SequenceEqual(service.ServiceName))
            {
                return true;
            }
        }
        return false;
    }
}
