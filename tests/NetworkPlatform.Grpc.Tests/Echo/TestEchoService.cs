using System.Security.Claims;
using Google.Protobuf;
using Google.Rpc;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Echo;

/// <summary>The echo service the conformance tests call from python: each field of EchoRequest drives one behaviour.</summary>
public sealed class TestEchoService : EchoService.EchoServiceBase
{
    /// <summary>A request with this message makes the handler throw a plain exception (the caller must get a generic INTERNAL).</summary>
    public const string ThrowMessage = "throw";

    public const string SecretExceptionText = "secret internal detail";

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        if (request.DelayMs > 0)
        {
            await Task.Delay(request.DelayMs, request.IgnoreCancellation ? CancellationToken.None : context.CancellationToken);
        }
        Fail(request, context);
        return Answer(request, context, 0);
    }

    public override async Task EchoStream(EchoRequest request, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        // One message object for the whole stream: each write has serialized it by the time it returns.
        var response = Answer(request, context, 0);
        if (request.IgnoreCancellation)
        {
            for (var i = 0; i < request.Repeat; i++)
            {
                response.Index = i;
                await responseStream.WriteAsync(response);
            }
            await Task.Delay(request.DelayMs, CancellationToken.None);
            response.Index = request.Repeat;
            await responseStream.WriteAsync(response);
            return;
        }
        for (var i = 0; i < request.Repeat; i++)
        {
            if (request.DelayMs > 0)
            {
                await Task.Delay(request.DelayMs, context.CancellationToken);
            }
            response.Index = i;
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
        Fail(request, context);
    }

    public override async Task<EchoResponse> Collect(IAsyncStreamReader<EchoRequest> requestStream, ServerCallContext context)
    {
        var messages = new List<string>();
        var payload = new MemoryStream();
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            messages.Add(request.Message);
            request.Payload.WriteTo(payload);
        }
        return new EchoResponse { Message = string.Join(",", messages), Index = messages.Count, Payload = ByteString.CopyFrom(payload.ToArray()) };
    }

    public override async Task Chat(IAsyncStreamReader<EchoRequest> requestStream, IServerStreamWriter<EchoResponse> responseStream, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            Fail(request, context);
            await responseStream.WriteAsync(Answer(request, context, index++), context.CancellationToken);
        }
    }

    private static EchoResponse Answer(EchoRequest request, ServerCallContext context, int index)
    {
        var response = new EchoResponse { Message = request.Message, Index = index, Payload = request.Payload };
        if (request.EchoMetadata)
        {
            foreach (var entry in context.RequestHeaders)
            {
                // Binary values come back hex-encoded so the caller can compare the exact bytes.
                response.Metadata[entry.Key] = entry.IsBinary ? Convert.ToHexString(entry.ValueBytes).ToLowerInvariant() : entry.Value;
            }
            if (context.User?.Identity?.Name is { } user)
            {
                response.Metadata["authenticated-user"] = user;
            }
            response.Metadata["deadline-set"] = context.Deadline == DateTime.MaxValue ? "no" : "yes";
        }
        return response;
    }

    private static void Fail(EchoRequest request, ServerCallContext context)
    {
        if (request.Message == ThrowMessage)
        {
            throw new InvalidOperationException(SecretExceptionText);
        }
        if (request.FailWithCode == 0)
        {
            return;
        }
        context.ResponseTrailers.Add("echo-trailer", "kept");
        context.ResponseTrailers.Add("echo-trailer-bin", [0, 1, 2, 0xFF]);
        var code = (StatusCode)request.FailWithCode;
        throw RpcErrors.Create(code, $"Echo failed with {code} as asked: ünïcode % and\nnewline", "ECHO_FAILED",
            new Dictionary<string, string> { ["asked_code"] = request.FailWithCode.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = "fail_with_code", Description = "was set" } } });
    }
}

/// <summary>Authenticates from an "x-user" header, denies calls carrying "x-deny", and records every outcome.</summary>
public sealed class RecordingInterceptor : ServerInterceptor
{
    public System.Collections.Concurrent.ConcurrentQueue<(string Method, CallOutcome Outcome, IMessage? Request)> Calls { get; } = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ServerCallContext, IMessage?> requests = new();

    public override ValueTask OnCallStartingAsync(ServerCallContext context, IMessage? request)
    {
        requests[context] = request;
        if (context.RequestHeaders.GetValue("x-deny") is { } reason)
        {
            throw RpcErrors.PermissionDenied("DENIED_BY_TEST", $"Denied by the interceptor: {reason}.");
        }
        if (context.RequestHeaders.GetValue("x-user") is { } user)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test"));
        }
        return ValueTask.CompletedTask;
    }

    public override void OnCallCompleted(ServerCallContext context, CallOutcome outcome)
    {
        requests.TryRemove(context, out var request);
        Calls.Enqueue((context.Method, outcome, request));
    }

    /// <summary>
    /// The one outcome of the call whose request carried <paramref name="message"/>; it is recorded once the handler has
    /// returned, so this waits for it (and a little longer, to catch a second record).
    /// </summary>
    public async Task<CallOutcome> SingleOutcomeAsync(string message)
    {
        bool IsTheCall((string Method, CallOutcome Outcome, IMessage? Request) call) => (call.Request as EchoRequest)?.Message == message;
        var waitUntil = DateTime.UtcNow.AddSeconds(10);
        while (!Calls.Any(IsTheCall))
        {
            Assert.True(DateTime.UtcNow < waitUntil, $"the interceptor never saw the call '{message}' end");
            await Task.Delay(50);
        }
        await Task.Delay(200);
        return Assert.Single(Calls, IsTheCall).Outcome;
    }
}

/// <summary>Served only so reflection has a file with transitive imports to describe.</summary>
public sealed class ReflectionProbeService : ReflectionProbe.ReflectionProbeBase
{
    public override Task<StampedEcho> Stamp(EchoRequest request, ServerCallContext context) =>
        Task.FromResult(new StampedEcho { Echo = new EchoResponse { Message = request.Message }, At = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow) });
}
