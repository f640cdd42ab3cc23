using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Hosting.Tests.Auth;

/// <summary>
/// The tokens a service accepts (JwtBearer with the platform's settings) when it checks them against a JWKS file, and what a
/// refused caller is told, over real calls. The same against a real issuer by its URL: NetworkPlatform.Identity.Tests.
/// </summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-auth-").FullName;
    private readonly DevelopmentTokens tokens;
    private EchoHost host = null!;

    public BearerTokenTests() => tokens = DevelopmentTokens.LoadOrCreate(directory);

    public async Task InitializeAsync() => host = await EchoHost.StartAsync(EchoHost.Accepting(tokens));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task a_valid_token_yields_the_caller_with_network_organisation_person_and_roles()
    {
        var token = tokens.Issue("alice", "net-1", [Roles.Secretariat, Roles.GroupLeader], organisationId: "org-7", personId: "person-3");

        Assert.Equal("hi from alice of net-1 (org org-7, person person-3) as group-leader,secretariat", await host.EchoAsync("Bearer " + token));
    }

    [Theory]
    [InlineData(null, "needs a token")]
    [InlineData("Basic dXNlcjpwYXNz", "must read 'Bearer <token>'")]
    [InlineData("Bearer not-a-jwt", "not a well-formed JWT")]
    [InlineData("Bearer not.a.jwt", "not a well-formed JWT")]
    public async Task missing_or_malformed_credentials_are_unauthenticated_with_advice(string? header, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => host.EchoAsync(header));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains(expected, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", error.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
    }

    [Fact]
    public async Task an_expired_token_is_refused_and_says_so()
    {
        var token = tokens.Issue("alice", "net-1", [Roles.Secretariat], lifetime: TimeSpan.FromHours(1), issuedAt: DateTime.UtcNow.AddHours(-2));

        var error = await Assert.ThrowsAsync<RpcException>(() => host.EchoAsync("Bearer " + token));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("expired", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_token_signed_by_another_key_is_refused()
    {
        var forged = DevelopmentTokens.LoadOrCreate(Path.Combine(directory, "other")).Issue("mallory", "net-1", [Roles.Operator]);

        var error = await Assert.ThrowsAsync<RpcException>(() => host.EchoAsync("Bearer " + forged));

        Assert.Contains("signature", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_token_for_another_audience_is_refused()
    {
        var settings = EchoHost.Accepting(tokens);
        settings["Auth:Audience"] = "someone-else";
        await using var strict = await EchoHost.StartAsync(settings);

        var error = await Assert.ThrowsAsync<RpcException>(() => strict.EchoAsync("Bearer " + tokens.Issue("alice", "net-1", [])));

        Assert.Contains("not meant for 'someone-else'", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_development_key_survives_a_restart()
    {
        var token = tokens.Issue("alice", "net-1", [Roles.Secretariat]);
        var reloaded = DevelopmentTokens.LoadOrCreate(directory);
        await using var restarted = await EchoHost.StartAsync(EchoHost.Accepting(reloaded));

        Assert.Equal("hi from alice of net-1 as secretariat", await restarted.EchoAsync("Bearer " + token));
    }

    [Fact]
    public async Task a_call_with_two_authorization_headers_is_refused_even_when_both_tokens_are_valid()
    {
        var alice = tokens.Issue("alice", "net-1", [Roles.Secretariat]);
        var mallory = tokens.Issue("mallory", "net-2", [Roles.Operator]);

        var answer = await PythonPeer.RunSuccessfullyAsync(Path.Combine(AppContext.BaseDirectory, "Auth", "two_authorization_headers.py"),
            [host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), alice, mallory], TimeSpan.FromSeconds(30));

        Assert.Equal("200 16 The call carried 2 authorization headers; send exactly one.", answer.Trim());
    }

    [Fact]
    public void auth_options_say_which_settings_are_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AuthOptions { Issuer = "x" }.Validate());
        Assert.Contains("Auth__Audience", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth__Authority (the issuer's URL) or Auth__SigningKeyFile", error.Message, StringComparison.Ordinal);
    }
}
