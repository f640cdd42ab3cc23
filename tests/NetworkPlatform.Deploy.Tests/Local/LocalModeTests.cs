using System.Net.Sockets;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Local;

/// <summary>make up / make down: the scripts are run for real, beside any copy a developer has running.</summary>
public sealed class LocalModeTests
{
    private static string Bash(string script, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 30)
    {
        var result = Processes.Run("bash", ["-c", script], TimeSpan.FromSeconds(timeoutSeconds), environment: environment);
        Assert.True(result.ExitCode == 0, $"{script} failed:\n{result.Combined}");
        return result.Output;
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [Fact]
    public void make_up_uses_the_conventional_loopback_ports()
    {
        var output = Bash("source deploy/local/env.sh; printf '%s\\n' \"${services[@]}\"; echo \"$dashboard_port\"");

        var expected = Conventions.Services.Select(s => $"{s.Name}:{s.Project}:{s.LocalPort}")
            .Append(Conventions.LocalDashboardPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var makefile = File.ReadAllText(RepositoryPaths.Combine("Makefile"));
        Assert.Contains("up: ##", makefile);
        Assert.Contains("\tdeploy/local/up.sh", makefile);
        Assert.Contains("down: ##", makefile);
        Assert.Contains("\tdeploy/local/down.sh", makefile);
    }

    [Fact]
    public async Task make_up_signs_development_tokens_the_services_accept()
    {
        var state = Path.Combine(Path.GetTempPath(), $"np-up-key-{Guid.NewGuid():N}");
        try
        {
            Bash($"state={state}; eval \"$(sed -n '/^ensure_signing_key() {{/,/^}}/p' deploy/local/up.sh)\"; ensure_signing_key");
            var jwks = new JsonWebKeySet(await File.ReadAllTextAsync(Path.Combine(state, "auth", "dev-jwks.json")));
            var up = await File.ReadAllTextAsync(RepositoryPaths.Combine("deploy", "local", "up.sh"));
            Assert.Contains($"Auth__Issuer={DevelopmentTokens.Issuer} Auth__Audience={DevelopmentTokens.Audience}", up);

            // DevelopmentTokens (what `make run` and the tests use to sign) loads the key make up wrote.
            var token = DevelopmentTokens.LoadOrCreate(Path.Combine(state, "auth")).Issue("operator-1", "network-1", [Roles.Operator]);

            var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
            {
                ValidIssuer = DevelopmentTokens.Issuer,
                ValidAudience = DevelopmentTokens.Audience,
                IssuerSigningKeys = jwks.GetSigningKeys(),
            });
            Assert.True(result.IsValid, result.Exception?.Message);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public void make_up_starts_postgres_with_a_database_per_service_and_rabbitmq_and_make_down_stops_them()
    {
        var state = Path.Combine(Path.GetTempPath(), $"np-up-{Guid.NewGuid():N}");
        var postgresPort = FreePort.Next();
        var rabbitPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["UP_DIR"] = state,
            ["UP_POSTGRES_PORT"] = postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["UP_RABBITMQ_PORT"] = rabbitPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["UP_RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["UP_RABBITMQ_NODE"] = $"np-up-test-{Environment.ProcessId}@localhost",
            ["UP_PORT_OFFSET"] = (20000 + Random.Shared.Next(0, 20000)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        try
        {
            var up = Bash("deploy/local/up.sh", environment, timeoutSeconds: 600);

            Assert.True(Listening(postgresPort), up);
            Assert.True(Listening(rabbitPort), up);
            var databases = Bash($"psql -h 127.0.0.1 -p {postgresPort} -U postgres -tAc 'SELECT datname FROM pg_database' | sort", environment);
            Assert.All(Conventions.Services, s => Assert.Contains(s.Name, databases.Split('\n')));
            foreach (var service in Conventions.Services.Where(s => !File.Exists(RepositoryPaths.Combine(s.ProjectPath))))
            {
                Assert.Contains($"Skipping {service.Name}: {service.ProjectPath} does not exist yet.", up);
            }
            Assert.True(File.Exists(Path.Combine(state, "auth", "dev-jwks.json")), "No signing key for local tokens.");
        }
        finally
        {
            var down = Processes.Run("bash", ["deploy/local/down.sh"], TimeSpan.FromMinutes(2), environment: environment);
            Assert.True(down.ExitCode == 0, down.Combined);
        }

        Assert.False(Listening(postgresPort), "PostgreSQL still listens after make down.");
        Assert.False(Listening(rabbitPort), "RabbitMQ still listens after make down.");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(state, "pids")));
        Directory.Delete(state, recursive: true);
    }
}
