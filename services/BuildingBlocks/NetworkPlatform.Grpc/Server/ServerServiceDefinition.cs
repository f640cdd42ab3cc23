using Google.Protobuf;
using Google.Protobuf.Reflection;
using NetworkPlatform.Grpc.Server;

namespace NetworkPlatform.Grpc;

/// <summary>A service ready to be served: its descriptor (for reflection) and a handler per method. Built by generated BindService methods.</summary>
public sealed class ServerServiceDefinition
{
    private ServerServiceDefinition(ServiceDescriptor descriptor, IReadOnlyList<ServerMethodDefinition> methods)
    {
        Descriptor = descriptor;
        Methods = methods;
    }

    public ServiceDescriptor Descriptor { get; }

    public string ServiceName => Descriptor.FullName;

    public IReadOnlyList<ServerMethodDefinition> Methods { get; }

    public static Builder CreateBuilder(ServiceDescriptor descriptor) => new(descriptor);

    public sealed class Builder(ServiceDescriptor descriptor)
    {
        private readonly List<ServerMethodDefinition> methods = [];

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse> handler)
            where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
            => Add(new ServerMethodDefinition<TRequest, TResponse>(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
            => Add(new ServerMethodDefinition<TRequest, TResponse>(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
            => Add(new ServerMethodDefinition<TRequest, TResponse>(method, handler));

        public Builder AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse> handler)
            where TRequest : class, IMessage<TRequest> where TResponse : class, IMessage<TResponse>
            => Add(new ServerMethodDefinition<TRequest, TResponse>(method, handler));

        public ServerServiceDefinition Build() => new(descriptor, methods.ToArray());

        private Builder Add(ServerMethodDefinition definition)
        {
            methods.Add(definition);
            return this;
        }
    }
}

/// <summary>One method of a served service: the method description and its handler delegate.</summary>
public abstract class ServerMethodDefinition
{
    public abstract string FullName { get; }

    public abstract MethodType Type { get; }

    internal abstract ServerCallHandler CreateHandler(GrpcServerRuntime runtime);
}

public sealed class ServerMethodDefinition<TRequest, TResponse>(Method<TRequest, TResponse> method, Delegate handler) : ServerMethodDefinition
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    public Method<TRequest, TResponse> Method { get; } = method;

    /// <summary>One of the four server method delegates, matching <see cref="Type"/>.</summary>
    public Delegate Handler { get; } = handler;

    public override string FullName => Method.FullName;

    public override MethodType Type => Method.Type;

    internal override ServerCallHandler CreateHandler(GrpcServerRuntime runtime) => new ServerCallHandler<TRequest, TResponse>(this, runtime);
}
