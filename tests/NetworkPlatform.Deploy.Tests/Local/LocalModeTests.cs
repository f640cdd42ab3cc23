using System.Net.Sockets;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Application;
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

    /// <summary>
    /// grpc.health.v1.Health/Check over h2c with a plain HttpClient (independent of any gRPC library), retried until
    /// the service reports SERVING or the time is up; returns the last status seen.
    /// </summary>
    private static async Task<string> HealthAsync(int port, TimeSpan within)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow + within;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/grpc.health.v1.Health/Check")
                {
                    Version = System.Net.HttpVersion.Version20, // over http:// with an exact version: h2c with prior knowledge
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                    Content = new ByteArrayContent([0, 0, 0, 0, 0]), // an empty HealthCheckRequest, length-prefixed
                };
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
                request.Headers.TryAddWithoutValidation("te", "trailers");
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                var status = response.TrailingHeaders.TryGetValues("grpc-status", out var values) ? values.First()
                    : response.Headers.TryGetValues("grpc-status", out var headerValues) ? headerValues.First() : "none";
                // HealthCheckResponse { status = 1 } is the 2-byte message 08 01 after the 5-byte prefix.
                last = status != "0" ? $"HTTP/{response.Version} {(int)response.StatusCode}, grpc-status {status}" : body.Length >= 7 && body[5] == 0x08 && body[6] == 0x01 ? "SERVING" : "NOT_SERVING";
                if (last == "SERVING")
                {
                    return last;
                }
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            await Task.Delay(500);
        }
        return last;
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
    public async Task make_up_generates_a_service_signing_key_the_services_load_and_hands_it_to_them()
    {
        var state = Path.Combine(Path.GetTempPath(), $"np-up-service-key-{Guid.NewGuid():N}");
        try
        {
            Bash($"state={state}; eval \"$(sed -n '/^ensure_service_signing_key() {{/,/^}}/p' deploy/local/up.sh)\"; ensure_service_signing_key");
            var path = Path.Combine(state, "auth", "service-signing-key.pem");

            Assert.NotNull(ServiceSigningKey.Load(path).PublicKey.KeyId);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
            var up = await File.ReadAllTextAsync(RepositoryPaths.Combine("deploy", "local", "up.sh"));
            Assert.Contains("Auth__ServiceSigningKeyFile=\"$state/auth/service-signing-key.pem\"", up);
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [Fact]
    public async Task make_up_starts_postgres_with_a_database_per_service_and_rabbitmq_and_make_down_stops_them()
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
            var offset = int.Parse(environment["UP_PORT_OFFSET"], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var service in Conventions.Services.Where(s => File.Exists(RepositoryPaths.Combine(s.ProjectPath))))
            {
                var health = await HealthAsync(service.LocalPort + offset, TimeSpan.FromSeconds(60));
                Assert.True(health == "SERVING", $"{service.Name} under make up answers grpc.health.v1 Check with: {health}. Its log: {state}/logs/{service.Name}.log");
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
