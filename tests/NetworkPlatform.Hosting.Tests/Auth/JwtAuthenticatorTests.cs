using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using NetworkPlatform.Grpc;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Hosting.Tests.Auth;

public sealed class JwtAuthenticatorTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("np-auth-").FullName;
    private readonly DevelopmentTokens tokens;
    private readonly JwtAuthenticator authenticator;

    public JwtAuthenticatorTests()
    {
        tokens = DevelopmentTokens.LoadOrCreate(directory);
        authenticator = new JwtAuthenticator(tokens.AuthOptions, new SigningKeys(tokens.AuthOptions));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task a_valid_token_yields_the_caller_with_network_organisation_and_roles()
    {
        var token = tokens.Issue("alice", "net-1", [Roles.Secretariat, Roles.GroupLeader], organisationId: "org-7", personId: "person-3");

        var principal = await authenticator.AuthenticateAsync("Bearer " + token, default);
        var caller = Caller.FromPrincipal(principal);

        Assert.Equal("alice", caller.Subject);
        Assert.Equal("net-1", caller.NetworkId);
        Assert.Equal("org-7", caller.OrganisationId);
        Assert.Equal("person-3", caller.PersonId);
        Assert.True(caller.HasRole(Roles.Secretariat));
        Assert.True(caller.HasRole(Roles.GroupLeader));
        Assert.False(caller.HasRole(Roles.Operator));
    }

    [Theory]
    [InlineData(null, "needs a token")]
    [InlineData("Basic dXNlcjpwYXNz", "must read 'Bearer <token>'")]
    [InlineData("Bearer not-a-jwt", "not a well-formed JWT")]
    public async Task missing_or_malformed_credentials_are_unauthenticated_with_advice(string? header, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => authenticator.AuthenticateAsync(header, default));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains(expected, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_expired_token_is_refused_and_says_so()
    {
        var token = tokens.Issue("alice", "net-1", [Roles.Secretariat], lifetime: TimeSpan.FromHours(1), issuedAt: DateTime.UtcNow.AddHours(-2));
        var error = await Assert.ThrowsAsync<RpcException>(() => authenticator.AuthenticateAsync("Bearer " + token, default));
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("expired", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_token_signed_by_another_key_is_refused()
    {
        var otherDirectory = Directory.CreateTempSubdirectory("np-auth-other-").FullName;
        try
        {
            var forged = DevelopmentTokens.LoadOrCreate(otherDirectory).Issue("mallory", "net-1", [Roles.Operator]);
            var error = await Assert.ThrowsAsync<RpcException>(() => authenticator.AuthenticateAsync("Bearer " + forged, default));
            Assert.Contains("signature", error.Detail, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(otherDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task a_token_for_another_audience_is_refused()
    {
        var options = tokens.AuthOptions;
        options.Audience = "someone-else";
        var strict = new JwtAuthenticator(options, new SigningKeys(options));
        var error = await Assert.ThrowsAsync<RpcException>(() => strict.AuthenticateAsync("Bearer " + tokens.Issue("alice", "net-1", []), default));
        Assert.Contains("not meant for 'someone-else'", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_development_key_survives_a_restart()
    {
        var token = tokens.Issue("alice", "net-1", [Roles.Secretariat]);
        var reloaded = DevelopmentTokens.LoadOrCreate(directory);
        var authenticatorAfterRestart = new JwtAuthenticator(reloaded.AuthOptions, new SigningKeys(reloaded.AuthOptions));
        Assert.NotNull(await authenticatorAfterRestart.AuthenticateAsync("Bearer " + token, default));
    }

    [Fact]
    public async Task keys_are_fetched_from_a_jwks_url()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/jwks", () => Results.Text(File.ReadAllText(tokens.JwksPath), "application/json"));
        await app.StartAsync();

        var options = new AuthOptions { Issuer = DevelopmentTokens.Issuer, Audience = DevelopmentTokens.Audience, JwksUrl = $"{app.Urls.Single()}/jwks" };
        var remote = new JwtAuthenticator(options, new SigningKeys(options));
        var principal = await remote.AuthenticateAsync("Bearer " + tokens.Issue("bob", "net-2", [Roles.DashboardReader]), default);

        Assert.Equal("net-2", Caller.FromPrincipal(principal).NetworkId);
    }

    [Fact]
    public void auth_options_say_which_settings_are_missing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AuthOptions { Issuer = "x" }.Validate());
        Assert.Contains("Auth__Audience", error.Message, StringComparison.Ordinal);
        Assert.Contains("Auth__JwksUrl or Auth__SigningKeyFile", error.Message, StringComparison.Ordinal);
    }
}
