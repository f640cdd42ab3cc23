using Grpc.Core;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Identity.Tests;

/// <summary>
/// What a service accepting the issuer by its authority URL (Auth__Authority) refuses, and what it tells the caller:
/// UNAUTHENTICATED with the reason, for a token of another issuer, for another audience, expired or revoked, and when
/// the issuer cannot be reached.
/// </summary>
public sealed class RefusedTokensTests : IAsyncLifetime
{
    private IssuerProcess issuer = null!;

    public async Task InitializeAsync() =>
        issuer = await IssuerProcess.StartAsync(["service-a"],
            new Dictionary<string, string> { ["Identity__AccessTokenLifetime"] = "00:00:03" });

    public async Task DisposeAsync() => await issuer.DisposeAsync();

    [Fact]
    public async Task a_token_of_another_issuer_is_refused_with_the_issuer_it_wants()
    {
        await using var other = await IssuerProcess.StartAsync(["service-a"]);
        await using var service = await EchoHost.StartAsync(issuer.ServiceSettings());

        var error = await RefusedAsync(service, await other.ClientTokenAsync("service-a", "net-1"));

        Assert.Contains($"not issued by the issuer at {issuer.Authority}", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_token_for_another_audience_is_refused()
    {
        var settings = issuer.ServiceSettings();
        settings["Auth:Audience"] = "someone-else";
        await using var service = await EchoHost.StartAsync(settings);

        var error = await RefusedAsync(service, await issuer.ClientTokenAsync("service-a", "net-1"));

        Assert.Contains("not meant for 'someone-else'", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_expired_token_is_refused_and_says_when_it_expired()
    {
        var settings = issuer.ServiceSettings();
        settings["Auth:ClockSkew"] = "00:00:00";
        await using var service = await EchoHost.StartAsync(settings);
        var token = await issuer.ClientTokenAsync("service-a", "net-1");
        Assert.Equal("hi from service-a of net-1 as secretariat", await service.EchoAsync("Bearer " + token));

        await Task.Delay(TimeSpan.FromSeconds(4));

        var error = await RefusedAsync(service, token);
        Assert.Contains("expired at", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_revoked_token_is_refused_once_the_service_asks_again()
    {
        var settings = issuer.ServiceSettings("service-a");
        settings["Auth:RevocationCheckInterval"] = "00:00:00.500";
        await using var service = await EchoHost.StartAsync(settings);
        var token = await issuer.ClientTokenAsync("service-a", "net-1");
        Assert.Equal("hi from service-a of net-1 as secretariat", await service.EchoAsync("Bearer " + token));

        var (status, _) = await issuer.PostAsync("connect/revoke", "service-a", issuer.Secret("service-a"), ("token", token),
            ("token_type_hint", "access_token"));
        Assert.Equal(200, status);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var error = await RefusedAsync(service, token);
        Assert.Contains("was revoked", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_service_whose_issuer_cannot_be_reached_says_so_instead_of_failing()
    {
        var token = await issuer.ClientTokenAsync("service-a", "net-1");
        using var nowhere = new RefusingPort();
        await using var service = await EchoHost.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:Authority"] = $"http://127.0.0.1:{nowhere.Port}/",
            ["Auth:Audience"] = "networkplatform",
        });

        var error = await RefusedAsync(service, token);

        Assert.Contains("could not load the configuration of the issuer", error.Status.Detail, StringComparison.Ordinal);
    }

    private static async Task<RpcException> RefusedAsync(EchoHost service, string token)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => service.EchoAsync("Bearer " + token));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        return error;
    }
}
