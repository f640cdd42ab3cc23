using Google.Protobuf;

namespace NetworkPlatform.Grpc;

public enum MethodType
{
    Unary,
    ClientStreaming,
    ServerStreaming,
    DuplexStreaming,
}

/// <summary>Describes one RPC; instances are generated from the protos, never written by hand.</summary>
public sealed class Method<TRequest, TResponse>(
    MethodType type,
    string serviceName,
    string name,
    MessageParser<TRequest> requestParser,
    MessageParser<TResponse> responseParser,
    bool idempotent = false)
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    public MethodType Type { get; } = type;

    /// <summary>Fully qualified service name, e.g. networkplatform.membership.v1.MembershipService.</summary>
    public string ServiceName { get; } = serviceName;

    public string Name { get; } = name;

    /// <summary>The HTTP/2 :path, e.g. /networkplatform.membership.v1.MembershipService/GetNetwork.</summary>
    public string FullName { get; } = "/" + serviceName + "/" + name;

    public MessageParser<TRequest> RequestParser { get; } = requestParser;

    public MessageParser<TResponse> ResponseParser { get; } = responseParser;

    /// <summary>Marked idempotent (or side-effect free) in the proto: a client may retry it on UNAVAILABLE.</summary>
    public bool Idempotent { get; } = idempotent;
}
