using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using NetworkPlatform.Grpc.Client.Wire;
using NetworkPlatform.Grpc.Testing.V1;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>The client's encoding of timeouts, metadata and messages, and its reading of status and frames.</summary>
public class ClientWireTests
{
    [Theory]
    [InlineData(1, "1000000n")]
    [InlineData(250, "250000u")]
    [InlineData(5_000, "5000000u")]
    [InlineData(200_000, "200000m")]
    [InlineData(2 * 24 * 3600 * 1000L, "172800S")]
    public void timeouts_use_the_finest_unit_that_fits_in_eight_digits(long milliseconds, string expected) =>
        Assert.Equal(expected, GrpcProtocol.EncodeTimeout(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void timeouts_round_up_and_never_go_negative()
    {
        Assert.Equal("0n", GrpcProtocol.EncodeTimeout(TimeSpan.FromSeconds(-3)));
        Assert.Equal("100001S", GrpcProtocol.EncodeTimeout(TimeSpan.FromMilliseconds(100_000_000.5)));
        Assert.Equal("1666667M", GrpcProtocol.EncodeTimeout(TimeSpan.FromSeconds(100_000_001)));
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%25 sure", "100% sure")]
    [InlineData("na%C3%AFve %E2%9C%93", "naïve ✓")]
    [InlineData("broken %zz and %4", "broken %zz and %4")]
    public void grpc_message_is_percent_decoded_leniently(string wire, string expected) =>
        Assert.Equal(expected, GrpcProtocol.DecodeMessage(wire));

    [Theory]
    [InlineData("AAEC")]
    [InlineData("AAECAw")]
    [InlineData("AAECAw==")]
    public void binary_metadata_decodes_padded_and_unpadded(string wire)
    {
        var decoded = GrpcProtocol.DecodeBinary(wire);
        Assert.Equal(new byte[] { 0, 1, 2, 3 }.Take(decoded.Length), decoded);
    }

    [Fact]
    public void binary_metadata_is_sent_unpadded()
    {
        var headers = new HttpRequestMessage().Headers;
        GrpcProtocol.WriteMetadata(new Metadata().Add("x-id-bin", [0, 1, 2, 3]).Add("x-text", "v"), headers);

        Assert.Equal("AAECAw", Assert.Single(headers.GetValues("x-id-bin")));
        Assert.Equal("v", Assert.Single(headers.GetValues("x-text")));
    }

    [Fact]
    public void response_metadata_keeps_application_headers_and_drops_protocol_ones()
    {
        var headers = new HttpResponseMessage().Headers;
        headers.TryAddWithoutValidation("grpc-status", "0");
        headers.TryAddWithoutValidation("x-region", "oslo");
        headers.TryAddWithoutValidation("x-ids-bin", "AAE,AgM=");

        var metadata = GrpcProtocol.ReadMetadata(headers);

        Assert.Equal("oslo", metadata.GetValue("x-region"));
        Assert.Equal([[0, 1], [2, 3]], metadata.GetAll("x-ids-bin").Select(e => e.ValueBytes));
        Assert.DoesNotContain(metadata, e => e.Key.StartsWith("grpc-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, StatusCode.Internal)]
    [InlineData(HttpStatusCode.Unauthorized, StatusCode.Unauthenticated)]
    [InlineData(HttpStatusCode.Forbidden, StatusCode.PermissionDenied)]
    [InlineData(HttpStatusCode.NotFound, StatusCode.Unimplemented)]
    [InlineData(HttpStatusCode.TooManyRequests, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.BadGateway, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.ServiceUnavailable, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout, StatusCode.Unavailable)]
    [InlineData(HttpStatusCode.InternalServerError, StatusCode.Unknown)]
    public void http_errors_map_to_grpc_status(HttpStatusCode http, StatusCode expected) =>
        Assert.Equal(expected, GrpcProtocol.StatusFromHttp(http));

    [Fact]
    public void status_comes_from_grpc_status_message_and_details()
    {
        var details = new Google.Rpc.Status { Code = 5, Message = "gone" };
        var trailers = Trailers(("grpc-status", "5"), ("grpc-message", "not%20here"), ("grpc-status-details-bin", Convert.ToBase64String(details.ToByteArray()).TrimEnd('=')));

        var error = GrpcProtocol.ReadStatus(trailers, [])!;

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("not here", error.Detail);
        Assert.Equal(details, error.Details);
    }

    [Fact]
    public void ok_status_is_no_error_and_a_missing_status_is_internal()
    {
        Assert.Null(GrpcProtocol.ReadStatus(Trailers(("grpc-status", "0")), []));
        Assert.Equal(StatusCode.Internal, GrpcProtocol.ReadStatus(Trailers(), [])!.StatusCode);
        Assert.Equal(StatusCode.Unknown, GrpcProtocol.ReadStatus(Trailers(("grpc-status", "banana")), [])!.StatusCode);
        Assert.Equal(StatusCode.Unknown, GrpcProtocol.ReadStatus(Trailers(("grpc-status", "99")), [])!.StatusCode);
    }

    [Fact]
    public void unreadable_status_details_do_not_hide_the_status()
    {
        var error = GrpcProtocol.ReadStatus(Trailers(("grpc-status", "3"), ("grpc-status-details-bin", "!!!not base64")), [])!;

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Null(error.Details);
    }

    [Fact]
    public async Task framed_messages_read_back_across_arbitrary_chunk_boundaries()
    {
        var first = new EchoRequest { Message = "one", Payload = ByteString.CopyFrom(new byte[300]) };
        var second = new EchoRequest { Message = "two" };
        var wire = MessageFraming.Frame(first, gzip: false, 1000).Concat(MessageFraming.Frame(second, gzip: true, 1000)).ToArray();

        var reader = new MessageReader(new TrickleStream(wire, chunk: 3), "gzip", 1000);

        Assert.Equal(first, EchoRequest.Parser.ParseFrom(await reader.ReadAsync(default)));
        Assert.Equal(second, EchoRequest.Parser.ParseFrom(await reader.ReadAsync(default)));
        Assert.Null(await reader.ReadAsync(default));
    }

    [Fact]
    public async Task a_compressed_flag_without_an_encoding_is_an_error()
    {
        var wire = MessageFraming.Frame(new EchoRequest { Message = "z" }, gzip: true, 1000);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new MessageReader(new MemoryStream(wire), null, 1000).ReadAsync(default));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task a_body_cut_inside_a_message_is_an_error()
    {
        var wire = MessageFraming.Frame(new EchoRequest { Message = "cut short" }, gzip: false, 1000);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new MessageReader(new MemoryStream(wire[..^2]), null, 1000).ReadAsync(default));

        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task a_length_prefix_over_the_limit_is_refused_before_reading_the_body()
    {
        byte[] header = [0, 0x7f, 0xff, 0xff, 0xff];

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new MessageReader(new MemoryStream(header), null, 4096).ReadAsync(default));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Theory]
    [InlineData("membership:8080")]
    [InlineData("dns:///membership")]
    [InlineData("dns:///membership:99999")]
    [InlineData("ipv4:not-an-ip:80")]
    [InlineData("ftp://host:21")]
    public void unusable_targets_are_refused_with_a_hint(string target)
    {
        var error = Assert.Throws<ArgumentException>(() => GrpcChannel.ForAddress(target));
        Assert.Contains(target.Contains("not-an-ip", StringComparison.Ordinal) ? "not an IP" : ":", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://10.1.2.3:5101", "10.1.2.3:5101")]
    [InlineData("dns:///membership-headless.networkplatform.svc.cluster.local:8080", "membership-headless.networkplatform.svc.cluster.local:8080")]
    [InlineData("dns://8.8.8.8/groups:8080", "groups:8080")]
    [InlineData("ipv6:[::1]:5000,[::1]:5001", "[::1]:5000")]
    public void targets_set_the_authority(string target, string authority)
    {
        using var channel = GrpcChannel.ForAddress(target, new GrpcChannelOptions { ResolveHost = (_, _) => Task.FromResult(new[] { IPAddress.Loopback }) });
        Assert.Equal(authority, channel.Authority);
    }

    private static HttpResponseHeaders Trailers(params (string Key, string Value)[] values)
    {
        var headers = new HttpResponseMessage().Headers;
        foreach (var (key, value) in values)
        {
            headers.TryAddWithoutValidation(key, value);
        }
        return headers;
    }

    /// <summary>Hands out at most a few bytes per read, as a body split across many DATA frames would.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}

/// <summary>Backoff between retry attempts.</summary>
public class RetryPolicyTests
{
    [Fact]
    public void backoff_grows_exponentially_with_bounded_jitter_and_a_cap()
    {
        var policy = new RetryPolicy { InitialBackoff = TimeSpan.FromMilliseconds(100), Multiplier = 2, MaxBackoff = TimeSpan.FromMilliseconds(300) };

        for (var i = 0; i < 50; i++)
        {
            Assert.InRange(policy.Backoff(1).TotalMilliseconds, 80, 120);
            Assert.InRange(policy.Backoff(2).TotalMilliseconds, 160, 240);
            Assert.InRange(policy.Backoff(5).TotalMilliseconds, 240, 360);
        }
        var samples = Enumerable.Range(0, 50).Select(_ => policy.Backoff(1)).Distinct().Count();
        Assert.True(samples > 1, "backoff should be jittered so clients do not retry in lockstep");
    }
}
