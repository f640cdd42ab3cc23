using System.Net;
using System.Net.Sockets;
using NetworkPlatform.Grpc.Testing.V1;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>
/// dns:/// targets: every resolved address gets calls, round-robin; the name is resolved again periodically and
/// after connection failures. Two python servers on 127.0.0.1 and 127.0.0.2 (same port) stand in for the pods
/// behind a headless service; a resolver seam stands in for cluster DNS.
/// </summary>
public sealed class LoadBalancingTests(TwoPodsFixture pods) : IClassFixture<TwoPodsFixture>
{
    private static readonly IPAddress First = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress Second = IPAddress.Parse("127.0.0.2");

    private readonly int port = pods.Port;

    private static DateTime Soon => DateTime.UtcNow.AddSeconds(10);

    [Fact(Timeout = 30_000)]
    public async Task calls_round_robin_across_every_resolved_address()
    {
        using var channel = GrpcChannel.ForAddress($"dns:///echo.test:{port}", new GrpcChannelOptions { ResolveHost = (_, _) => Task.FromResult(new[] { First, Second }) });

        var servers = await CallManyAsync(channel, 20);

        Assert.Equal(10, servers.Count(s => s == "pod-1"));
        Assert.Equal(10, servers.Count(s => s == "pod-2"));
        Assert.Equal($"echo.test:{port}", channel.Authority);
    }

    [Fact(Timeout = 30_000)]
    public async Task a_new_address_gets_calls_after_re_resolution()
    {
        var addresses = new[] { First };
        var options = new GrpcChannelOptions { ResolveInterval = TimeSpan.FromMilliseconds(200), ResolveHost = (_, _) => Task.FromResult(Volatile.Read(ref addresses)) };
        using var channel = GrpcChannel.ForAddress($"dns:///echo.test:{port}", options);
        Assert.All(await CallManyAsync(channel, 4), s => Assert.Equal("pod-1", s));

        Volatile.Write(ref addresses, [First, Second]);
        await WaitUntilAsync(() => channel.Endpoints.Count == 2);

        Assert.Contains("pod-2", await CallManyAsync(channel, 4));
    }

    [Fact(Timeout = 30_000)]
    public async Task an_address_that_left_the_resolution_gets_no_more_calls()
    {
        var addresses = new[] { First, Second };
        var options = new GrpcChannelOptions { ResolveInterval = TimeSpan.FromMilliseconds(200), ResolveHost = (_, _) => Task.FromResult(Volatile.Read(ref addresses)) };
        using var channel = GrpcChannel.ForAddress($"dns:///echo.test:{port}", options);
        Assert.Contains("pod-2", await CallManyAsync(channel, 4));

        Volatile.Write(ref addresses, [First]);
        await WaitUntilAsync(() => channel.Endpoints.Count == 1);

        Assert.All(await CallManyAsync(channel, 6), s => Assert.Equal("pod-1", s));
    }

    [Fact(Timeout = 30_000)]
    public async Task a_dead_address_is_skipped_and_triggers_re_resolution()
    {
        var lookups = 0;
        var dead = IPAddress.Parse("127.0.0.3");
        var options = new GrpcChannelOptions
        {
            MinResolveInterval = TimeSpan.Zero,
            Retry = new RetryPolicy { MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(10) },
            ResolveHost = (_, _) =>
            {
                Interlocked.Increment(ref lookups);
                return Task.FromResult(new[] { dead, First });
            },
        };
        using var channel = GrpcChannel.ForAddress($"dns:///echo.test:{port}", options);

        var servers = await CallManyAsync(channel, 6);

        Assert.All(servers, s => Assert.Equal("pod-1", s));
        Assert.True(Volatile.Read(ref lookups) > 1, "a connection failure should have triggered another lookup");
    }

    [Fact(Timeout = 30_000)]
    public async Task a_call_that_could_not_connect_goes_to_the_next_address_even_when_not_idempotent()
    {
        var options = new GrpcChannelOptions
        {
            Retry = new RetryPolicy { MaxAttempts = 1 },
            FailedAddressBackoff = TimeSpan.Zero,
            ResolveHost = (_, _) => Task.FromResult(new[] { IPAddress.Parse("127.0.0.3"), First }),
        };
        using var channel = GrpcChannel.ForAddress($"dns:///echo.test:{port}", options);
        var client = new EchoService.EchoServiceClient(channel);

        for (var i = 0; i < 4; i++)
        {
            using var call = client.EchoStream(new EchoRequest { Message = "once", Repeat = 1 }, deadline: Soon);
            Assert.Equal("pod-1", (await call.ResponseStream.ReadAllAsync().SingleAsync()).Metadata["server"]);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task an_address_list_target_balances_without_dns()
    {
        using var channel = GrpcChannel.ForAddress($"ipv4:127.0.0.1:{port},127.0.0.2:{port}");

        var servers = await CallManyAsync(channel, 6);

        Assert.Equal(3, servers.Count(s => s == "pod-1"));
        Assert.Equal(3, servers.Count(s => s == "pod-2"));
    }

    [Fact(Timeout = 30_000)]
    public async Task a_name_that_resolves_to_nothing_fails_with_unavailable()
    {
        using var channel = GrpcChannel.ForAddress($"dns:///nowhere.test:{port}", new GrpcChannelOptions { ResolveHost = (_, _) => Task.FromResult(Array.Empty<IPAddress>()) });

        var error = await Assert.ThrowsAsync<RpcException>(async () => await new EchoService.EchoServiceClient(channel).EchoAsync(new EchoRequest(), deadline: Soon));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("nowhere.test", error.Detail, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task system_dns_resolves_localhost_to_each_of_its_addresses()
    {
        var expected = (await Dns.GetHostAddressesAsync("localhost"))
            .Where(a => a.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)
            .Distinct()
            .ToArray();
        await using var dualStack = await PythonEchoServer.StartAsync("::", 0, "dual");
        using var channel = GrpcChannel.ForAddress($"dns:///localhost:{dualStack.Port}");

        var peers = new List<string>();
        for (var i = 0; i < expected.Length * 2; i++)
        {
            var response = await new EchoService.EchoServiceClient(channel).EchoAsync(new EchoRequest(), deadline: Soon);
            peers.Add(response.Metadata["peer"]);
        }

        Assert.Equal(expected.OrderBy(a => a.ToString()), channel.Endpoints.Select(e => e!.Address).OrderBy(a => a.ToString()));
        foreach (var address in expected)
        {
            var family = address.AddressFamily == AddressFamily.InterNetworkV6 ? "ipv6:" : "ipv";
            Assert.Contains(peers, p => p.StartsWith(family, StringComparison.Ordinal) && p.Contains(address.ToString(), StringComparison.Ordinal));
        }
    }

    private static async Task<List<string>> CallManyAsync(GrpcChannel channel, int count)
    {
        var client = new EchoService.EchoServiceClient(channel);
        var servers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            servers.Add((await client.EchoAsync(new EchoRequest(), deadline: Soon)).Metadata["server"]);
        }
        return servers;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition(), "the channel did not pick up the new resolution in time");
    }
}

/// <summary>
/// Two python echo servers, "pod-1" on 127.0.0.1 and "pod-2" on 127.0.0.2, on the same port: pod-1 takes the port the
/// system picks, pod-2 the same on its address (both again when another process holds that one).
/// </summary>
public sealed class TwoPodsFixture : IAsyncLifetime
{
    private PythonEchoServer[] pods = [];

    public int Port => pods[0].Port;

    public async Task InitializeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var first = await PythonEchoServer.StartAsync("127.0.0.1", 0, "pod-1");
            try
            {
                pods = [first, await PythonEchoServer.StartAsync("127.0.0.2", first.Port, "pod-2")];
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
                await first.DisposeAsync(); // pod-2 could not bind (it exits without READY): both on another port.
            }
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var pod in pods)
        {
            await pod.DisposeAsync();
        }
    }
}
