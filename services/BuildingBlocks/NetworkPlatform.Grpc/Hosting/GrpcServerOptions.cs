namespace NetworkPlatform.Grpc.Hosting;

/// <summary>Server-wide settings, set with <c>services.AddGrpcServer(options =&gt; ...)</c>.</summary>
public sealed class GrpcServerOptions
{
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    private readonly List<Type> interceptorTypes = [];

    /// <summary>Largest request message accepted (after decompression); larger ones end the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>Largest response message sent; a handler returning a larger one ends the call with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>Gzip responses for clients that accept it, even when their requests are not compressed (compressed requests always get gzip answers).</summary>
    public bool CompressResponses { get; set; }

    public IReadOnlyList<Type> InterceptorTypes => interceptorTypes;

    /// <summary>Adds an interceptor; interceptors run in the order added and are created once (from DI when registered there).</summary>
    public GrpcServerOptions AddInterceptor<TInterceptor>() where TInterceptor : ServerInterceptor
    {
        interceptorTypes.Add(typeof(TInterceptor));
        return this;
    }
}
