using System.Runtime.CompilerServices;

namespace NetworkPlatform.Grpc;

/// <summary>The parts every client call exposes besides its messages: response headers, and the status and trailers once it ended.</summary>
public interface ICallState
{
    Task<Metadata> ResponseHeadersAsync { get; }

    /// <summary>Trailers of a finished call; throws while the call is still running.</summary>
    Metadata GetTrailers();
}

/// <summary>A unary call: await it for the response (an <see cref="RpcException"/> on a non-OK status).</summary>
public sealed class AsyncUnaryCall<TResponse>(Task<TResponse> responseAsync, ICallState state, IDisposable call) : IDisposable
{
    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public Task<Metadata> ResponseHeadersAsync => state.ResponseHeadersAsync;

    public Metadata GetTrailers() => state.GetTrailers();

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public void Dispose() => call.Dispose();
}

public sealed class AsyncServerStreamingCall<TResponse>(IAsyncStreamReader<TResponse> responseStream, ICallState state, IDisposable call) : IDisposable
{
    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;

    public Task<Metadata> ResponseHeadersAsync => state.ResponseHeadersAsync;

    public Metadata GetTrailers() => state.GetTrailers();

    public void Dispose() => call.Dispose();
}

public sealed class AsyncClientStreamingCall<TRequest, TResponse>(IClientStreamWriter<TRequest> requestStream, Task<TResponse> responseAsync, ICallState state, IDisposable call) : IDisposable
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;

    public Task<TResponse> ResponseAsync { get; } = responseAsync;

    public Task<Metadata> ResponseHeadersAsync => state.ResponseHeadersAsync;

    public Metadata GetTrailers() => state.GetTrailers();

    public TaskAwaiter<TResponse> GetAwaiter() => ResponseAsync.GetAwaiter();

    public void Dispose() => call.Dispose();
}

public sealed class AsyncDuplexStreamingCall<TRequest, TResponse>(IClientStreamWriter<TRequest> requestStream, IAsyncStreamReader<TResponse> responseStream, ICallState state, IDisposable call) : IDisposable
{
    public IClientStreamWriter<TRequest> RequestStream { get; } = requestStream;

    public IAsyncStreamReader<TResponse> ResponseStream { get; } = responseStream;

    public Task<Metadata> ResponseHeadersAsync => state.ResponseHeadersAsync;

    public Metadata GetTrailers() => state.GetTrailers();

    public void Dispose() => call.Dispose();
}
