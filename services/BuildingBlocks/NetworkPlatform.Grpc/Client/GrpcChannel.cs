using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Google.Protobuf;
using NetworkPlatform.Grpc.Client.Balancing;
using NetworkPlatform.Grpc.Client.Calls;

namespace NetworkPlatform.Grpc;

/// <summary>
/// A client connection to a gRPC service over HTTP/2 (SocketsHttpHandler): h2c with prior knowledge or TLS.
/// Targets:
/// <list type="bullet">
/// <item>http://host:port (h2c) or https://host:port (TLS): one connection pool, the host resolved by the OS;</item>
/// <item>dns:///host:port: every A/AAAA record gets its own connection pool, calls round-robin across them and
/// the name is resolved again periodically and after connection failures (a headless Kubernetes service);</item>
/// <item>ipv4:10.0.0.1:8080,10.0.0.2:8080 or ipv6:[::1]:8080: a fixed list of addresses, balanced the same way.</item>
/// </list>
/// Create one per target and share it; typed clients take it as their CallInvoker.
/// </summary>
public sealed class GrpcChannel : CallInvoker, IDisposable
{
    private readonly ConcurrentDictionary<string, Uri> methodUris = new(StringComparer.Ordinal);
    private readonly Uri baseUri;

    private GrpcChannel(string target, Uri baseUri, GrpcChannelOptions options, Func<CancellationToken, Task<IReadOnlyList<IPEndPoint>>>? resolve)
    {
        Target = target;
        this.baseUri = baseUri;
        Options = options;
        Pool = resolve is null
            ? new SubchannelPool(target, CreateSubchannel, options)
            : new SubchannelPool(target, resolve, CreateSubchannel, options);
    }

    public string Target { get; }

    /// <summary>The :authority sent with every call (host:port of the target).</summary>
    public string Authority => baseUri.Authority;

    /// <summary>The addresses calls are balanced over right now (null: the OS resolves the host per connection).</summary>
    public IReadOnlyList<IPEndPoint?> Endpoints => Pool.Endpoints;

    internal GrpcChannelOptions Options { get; }

    internal SubchannelPool Pool { get; }

    public static GrpcChannel ForAddress(string target, GrpcChannelOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        options ??= new GrpcChannelOptions();
        if (target.StartsWith("dns:", StringComparison.OrdinalIgnoreCase))
        {
            var (host, port) = ParseDnsTarget(target);
            var baseUri = new UriBuilder(options.SslOptions is null ? "http" : "https", host, port).Uri;
            return new GrpcChannel(target, baseUri, options, ct => ResolveAsync(options, host, port, ct));
        }
        if (target.StartsWith("ipv4:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("ipv6:", StringComparison.OrdinalIgnoreCase))
        {
            var endpoints = ParseAddressList(target);
            var first = endpoints[0];
            var baseUri = new UriBuilder(options.SslOptions is null ? "http" : "https", first.Address.ToString(), first.Port).Uri;
            return new GrpcChannel(target, baseUri, options, _ => Task.FromResult<IReadOnlyList<IPEndPoint>>(endpoints));
        }
        if (Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return new GrpcChannel(target, new UriBuilder(uri.Scheme, uri.Host, uri.Port).Uri, options, resolve: null);
        }
        throw new ArgumentException(
            $"Target '{target}' is not understood; use http://host:port, https://host:port, dns:///host:port or ipv4:addr:port[,addr:port...].", nameof(target));
    }

    public void Dispose() => Pool.Dispose();

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        return new AsyncUnaryCall<TResponse>(call.RunUnaryAsync(request), call, call);
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, TRequest request, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartServerStreaming(request);
        return new AsyncServerStreamingCall<TResponse>(call.ResponseStream, call, call);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartRequestStreaming();
        return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, call.ReadSingleResponseAsync(), call, call);
    }

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, CallOptions options)
    {
        var call = new GrpcCall<TRequest, TResponse>(this, method, options);
        call.StartRequestStreaming();
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(call.RequestStream, call.ResponseStream, call, call);
    }

    internal Uri GetMethodUri(string fullName) => methodUris.GetOrAdd(fullName, static (name, root) => new Uri(root, name), baseUri);

    private Subchannel CreateSubchannel(IPEndPoint? endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = Options.ConnectTimeout,
            KeepAlivePingDelay = Options.KeepAlivePingDelay,
            KeepAlivePingTimeout = Options.KeepAlivePingTimeout,
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        if (Options.SslOptions is { } ssl)
        {
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                ApplicationProtocols = [SslApplicationProtocol.Http2],
                RemoteCertificateValidationCallback = ssl.RemoteCertificateValidationCallback,
                ClientCertificates = ssl.ClientCertificates,
                LocalCertificateSelectionCallback = ssl.LocalCertificateSelectionCallback,
                EnabledSslProtocols = ssl.EnabledSslProtocols,
                CertificateRevocationCheckMode = ssl.CertificateRevocationCheckMode,
                TargetHost = ssl.TargetHost,
            };
        }
        if (endpoint is not null)
        {
            // The request keeps the target's name (for :authority and TLS), the socket goes to this one address.
            handler.ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }
        return new Subchannel(endpoint, new HttpMessageInvoker(handler, disposeHandler: true));
    }

    private static async Task<IReadOnlyList<IPEndPoint>> ResolveAsync(GrpcChannelOptions options, string host, int port, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [new IPEndPoint(literal, port)];
        }
        var addresses = await options.ResolveHost(host, cancellationToken).ConfigureAwait(false);
        return addresses
            .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .Distinct()
            .OrderBy(a => a.AddressFamily)
            .ThenBy(a => a.ToString(), StringComparer.Ordinal)
            .Select(a => new IPEndPoint(a, port))
            .ToArray();
    }

    /// <summary>dns:///host:port or dns://authority/host:port (the DNS server authority is ignored: the OS resolver is used).</summary>
    private static (string Host, int Port) ParseDnsTarget(string target)
    {
        var rest = target["dns:".Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "" : rest[(slash + 1)..];
        }
        var endpoint = ParseHostPort(rest, target);
        return endpoint;
    }

    private static IPEndPoint[] ParseAddressList(string target)
    {
        var list = target[5..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var endpoints = list.Select(item =>
        {
            var (host, port) = ParseHostPort(item, target);
            return IPAddress.TryParse(host, out var address)
                ? new IPEndPoint(address, port)
                : throw new ArgumentException($"'{item}' in target '{target}' is not an IP address with a port.", nameof(target));
        }).ToArray();
        return endpoints.Length > 0 ? endpoints : throw new ArgumentException($"Target '{target}' lists no addresses.", nameof(target));
    }

    private static (string Host, int Port) ParseHostPort(string value, string target)
    {
        string host;
        string? portText;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            host = close > 0 ? value[1..close] : "";
            portText = close > 0 && close + 1 < value.Length && value[close + 1] == ':' ? value[(close + 2)..] : null;
        }
        else
        {
            var colon = value.LastIndexOf(':');
            host = colon < 0 ? value : value[..colon];
            portText = colon < 0 ? null : value[(colon + 1)..];
        }
        if (host.Length == 0 || portText is null || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"Target '{target}' needs host:port (e.g. dns:///membership-headless:8080).", nameof(target));
        }
        return (host, port);
    }
}
