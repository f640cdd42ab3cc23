using NetworkPlatform.Testing;

namespace NetworkPlatform.Identity.Tests;

/// <summary>
/// Machine credentials at the embedded issuer: the platform's services and partner systems (client credentials), over HTTP.
/// </summary>
public sealed class ClientCredentialsTests : IAsyncLifetime
{
    private IssuerProcess issuer = null!;
    private EchoHost service = null!;

    public async Task InitializeAsync()
    {
        issuer = await IssuerProcess.StartAsync(["service-groups"]);
        service = await EchoHost.StartAsync(issuer.ServiceSettings("service-groups"));
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await issuer.DisposeAsync();
    }

    [Fact]
    public async Task a_service_gets_a_token_for_the_network_it_names_and_acts_there_as_the_secretariat()
    {
        var token = await issuer.ClientTokenAsync("service-groups", "net-1");

        Assert.Equal("hi from service-groups of net-1 as secretariat", await service.EchoAsync("Bearer " + token));
    }

    [Fact]
    public async Task a_service_that_names_no_network_is_told_to()
    {
        var (status, body) = await issuer.TokenAsync("service-groups", issuer.Secret("service-groups"),
            ("grant_type", "client_credentials"));

        Assert.Equal(400, status);
        Assert.Equal("invalid_request", body.GetProperty("error").GetString());
        Assert.Contains("network_id", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_partner_system_acts_only_in_its_registered_network_and_organisation()
    {
        var registered = await issuer.RunAsync("register-client", "--client-id", "aasen-case-system", "--kind", "partner", "--network",
            "net-1", "--organisation", "org-7");
        var secret = IssuerProcess.Printed(registered, "client_secret");

        var token = await issuer.ClientTokenAsync("aasen-case-system", secret: secret);
        var (status, body) = await issuer.TokenAsync("aasen-case-system", secret, ("grant_type", "client_credentials"),
            ("network_id", "net-2"));

        Assert.Equal("hi from aasen-case-system of net-1 (org org-7, person ) as partner-system",
            await service.EchoAsync("Bearer " + token));
        Assert.Equal(400, status);
        Assert.Contains("acts in network 'net-1' only", body.GetProperty("error_description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_client_secret_is_stored_hashed_and_a_rotated_one_replaces_it()
    {
        var secret = IssuerProcess.Printed(
            await issuer.RunAsync("register-client", "--client-id", "rotating", "--kind", "partner", "--network", "net-1",
                "--organisation", "org-7"), "client_secret");
        var rotated = IssuerProcess.Printed(await issuer.RunAsync("rotate-client-secret", "--client-id", "rotating"), "client_secret");

        var (oldStatus, oldBody) = await issuer.TokenAsync("rotating", secret, ("grant_type", "client_credentials"));
        Assert.Equal(401, oldStatus);
        Assert.Equal("invalid_client", oldBody.GetProperty("error").GetString());
        Assert.NotEmpty(await issuer.ClientTokenAsync("rotating", secret: rotated));
        var database = await File.ReadAllBytesAsync(Path.Combine(issuer.Directory, "identity.db"));
        Assert.DoesNotContain(rotated, System.Text.Encoding.UTF8.GetString(database), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nobody", "anything")]
    [InlineData("service-groups", "the wrong secret")]
    public async Task an_unknown_client_or_a_wrong_secret_gets_invalid_client_with_a_reason(string clientId, string secret)
    {
        var (status, body) = await issuer.TokenAsync(clientId, secret, ("grant_type", "client_credentials"), ("network_id", "net-1"));

        Assert.Equal(401, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error_description").GetString()));
    }

    [Fact]
    public async Task a_removed_client_gets_no_more_tokens()
    {
        var secret = IssuerProcess.Printed(
            await issuer.RunAsync("register-client", "--client-id", "leaving", "--kind", "partner", "--network", "net-1", "--organisation",
                "org-7"), "client_secret");
        await issuer.RunAsync("remove-client", "--client-id", "leaving");

        var (status, body) = await issuer.TokenAsync("leaving", secret, ("grant_type", "client_credentials"));

        Assert.Equal(401, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task the_demo_grant_does_not_exist_outside_a_demo()
    {
        var (status, body) = await issuer.TokenAsync("service-groups", issuer.Secret("service-groups"),
            ("grant_type", "urn:networkplatform:params:oauth:grant-type:demo-person"), ("role", "secretariat"), ("network_id", "net-1"));

        Assert.Equal(400, status);
        Assert.Equal("unsupported_grant_type", body.GetProperty("error").GetString());
    }
}
