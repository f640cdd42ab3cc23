using System.Net;
using System.Net.Security;

namespace NetworkPlatform.Grpc;

/// <summary>How a <see cref="GrpcChannel"/> connects, limits messages, retries and balances.</summary>
public sealed class GrpcChannelOptions
{
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>Larger requests fail locally with RESOURCE_EXHAUSTED.</summary>
    public int MaxSendMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>Larger responses (after decompression) fail with RESOURCE_EXHAUSTED.</summary>
    public int MaxReceiveMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>Send request messages gzip-compressed (grpc-encoding: gzip). Compressed responses are always accepted.</summary>
    public bool CompressRequests { get; set; }

    /// <summary>Retries of idempotent methods on UNAVAILABLE.</summary>
    public RetryPolicy Retry { get; set; } = new();

    /// <summary>TLS settings. https:// targets use TLS; a dns:/// or ipv4:/ipv6: target uses TLS when this is set.</summary>
    public SslClientAuthenticationOptions? SslOptions { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// HTTP/2 PING interval on connections with calls in flight, to notice dead peers. grpc C-core servers
    /// reject pings more often than every 5 minutes on idle streams, so lower it only towards our own servers.
    /// </summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a dns:/// target is resolved again (it is also resolved again after a connection failure).</summary>
    public TimeSpan ResolveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Connection failures trigger re-resolution at most this often.</summary>
    public TimeSpan MinResolveInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>An address whose connection failed is skipped this long while other addresses remain.</summary>
    public TimeSpan FailedAddressBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Looks up a host name for dns:/// targets; defaults to the system resolver. A seam for tests.</summary>
    public Func<string, CancellationToken, Task<IPAddress[]>> ResolveHost { get; set; } = Dns.GetHostAddressesAsync;
}

/// <summary>
/// Exponential backoff with ±20% jitter: attempt n waits InitialBackoff * Multiplier^(n-1), capped at MaxBackoff.
/// Applies only to methods marked idempotent, only on UNAVAILABLE, and never once a response message arrived.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Total attempts including the first; 1 turns retries off.</summary>
    public int MaxAttempts { get; init; } = 4;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(2);

    public double Multiplier { get; init; } = 2;

    internal TimeSpan Backoff(int failedAttempts)
    {
        var baseDelay = InitialBackoff.TotalMilliseconds * Math.Pow(Multiplier, failedAttempts - 1);
        var capped = Math.Min(baseDelay, MaxBackoff.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }
}
