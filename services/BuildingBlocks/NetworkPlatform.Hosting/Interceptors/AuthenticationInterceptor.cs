using Google.Protobuf;
using NetworkPlatform.Grpc;
using NetworkPlatform.Hosting.Auth;

namespace NetworkPlatform.Hosting.Interceptors;

/// <summary>
/// Validates the bearer token of every call to a service and sets context.User. Health and reflection stay open:
/// Kubernetes probes and grpcurl call them without tokens, and they reveal no network's data.
/// </summary>
public sealed class AuthenticationInterceptor(JwtAuthenticator authenticator) : ServerInterceptor
{
    private static readonly string[] PublicServicePrefixes = ["/grpc.health.v1.", "/grpc.reflection.v1.", "/grpc.reflection.v1alpha."];

    public override async ValueTask OnCallStartingAsync(ServerCallContext context, IMessage? request)
    {
        if (IsPublic(context.Method))
        {
            return;
        }
        context.User = await authenticator.AuthenticateAsync(context.RequestHeaders.GetValue("authorization"), context.CancellationToken).ConfigureAwait(false);
    }

    internal static bool IsPublic(string method) => PublicServicePrefixes.Any(p => method.StartsWith(p, StringComparison.Ordinal));
}
