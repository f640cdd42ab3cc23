using System.Diagnostics;
using NetworkPlatform.Identity.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Identity.Tests;

/// <summary>
/// `make token` (deploy/local/token.sh) against a demo issuer: a person's token by role and network (the demo grant), a
/// partner system's by its own client credentials, and what it says when no demo person fits.
/// </summary>
public sealed class MakeTokenTests : IAsyncLifetime
{
    private readonly string demoSecrets = Directory.CreateTempSubdirectory("np-demo-").FullName;
    private IssuerProcess issuer = null!;
    private EchoHost service = null!;

    public async Task InitializeAsync()
    {
        issuer = await IssuerProcess.StartAsync(settings: Demo.Settings(demoSecrets));
        service = await EchoHost.StartAsync(issuer.ServiceSettings());
    }

    public async Task DisposeAsync()
    {
        await service.DisposeAsync();
        await issuer.DisposeAsync();
        Directory.Delete(demoSecrets, recursive: true);
    }

    [Theory]
    [InlineData("representative", null, "hi from ada of net-1 (org org-7, person per-1) as representative")]
    [InlineData("representative", "per-1", "hi from ada of net-1 (org org-7, person per-1) as representative")]
    [InlineData("secretariat", null, "hi from ben of net-1 as secretariat")]
    [InlineData("partner-system", null, "hi from demo-partner-net-1 of net-1 (org org-7, person ) as partner-system")]
    public async Task make_token_prints_a_token_the_services_accept(string role, string? person, string expected)
    {
        var (exitCode, output, errors) = await MakeTokenAsync(role, person);

        Assert.True(exitCode == 0, errors);
        Assert.Equal(expected, await service.EchoAsync("Bearer " + output.Trim()));
    }

    [Fact]
    public async Task make_token_for_a_role_no_demo_person_has_lists_the_demo_people()
    {
        var (exitCode, output, errors) = await MakeTokenAsync("operator", null);

        Assert.NotEqual(0, exitCode);
        Assert.Empty(output);
        Assert.Contains("No demo person of network 'net-1' has the role 'operator'", errors, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace (representative, person_id per-1)", errors, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Errors)> MakeTokenAsync(string role, string? person)
    {
        var info = new ProcessStartInfo("make", ["-s", "token"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ROLE"] = role;
        info.Environment["NETWORK"] = Demo.Network;
        info.Environment["PERSON"] = person ?? "";
        info.Environment["ISSUER"] = issuer.Authority;
        info.Environment["SECRETS_DIR"] = demoSecrets;
        using var make = Process.Start(info)!;
        var output = make.StandardOutput.ReadToEndAsync();
        var errors = make.StandardError.ReadToEndAsync();
        await make.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (make.ExitCode, await output, await errors);
    }
}
