using System.Collections.Concurrent;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// Authorization before validation, for the tenant: a request that names a network (its network_id, or that of the
/// resource it carries, e.g. UpdateMeetingSettingsRequest.settings.network_id) is refused with PERMISSION_DENIED when
/// the caller belongs to another network, before the method looks at anything else in it. A caller learns nothing about
/// another network, not even which fields a request to it would need. The methods still check roles themselves.
/// </summary>
public sealed class TenantFirst : Interceptor
{
    private const string NetworkIdField = "network_id";

    /// <summary>Where a request type names its network: a field of the request, or of one of its message fields; none.</summary>
    private static readonly ConcurrentDictionary<MessageDescriptor, FieldDescriptor[]?> Paths = new();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        EnsureSameNetwork(request, context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        EnsureSameNetwork(request, context);
        return continuation(request, responseStream, context);
    }

    private static void EnsureSameNetwork(object request, ServerCallContext context)
    {
        if (request is IMessage message && NetworkOf(message) is { Length: > 0 } networkId)
        {
            context.GetCaller().EnsureNetwork(networkId);
        }
    }

    private static string? NetworkOf(IMessage request)
    {
        if (Paths.GetOrAdd(request.Descriptor, PathTo) is not { } path)
        {
            return null;
        }
        object? value = request;
        foreach (var field in path)
        {
            value = value is IMessage message ? field.Accessor.GetValue(message) : null;
        }
        return value as string;
    }

    private static FieldDescriptor[]? PathTo(MessageDescriptor type)
    {
        if (NetworkField(type) is { } own)
        {
            return [own];
        }
        return type.Fields.InDeclarationOrder()
            .Where(f => f.FieldType == FieldType.Message && !f.IsRepeated && !f.IsMap && NetworkField(f.MessageType) is not null)
            .Select(f => new[] { f, NetworkField(f.MessageType)! })
            .FirstOrDefault();
    }

    private static FieldDescriptor? NetworkField(MessageDescriptor type) =>
        type.FindFieldByName(NetworkIdField) is { FieldType: FieldType.String, IsRepeated: false } field ? field : null;
}
