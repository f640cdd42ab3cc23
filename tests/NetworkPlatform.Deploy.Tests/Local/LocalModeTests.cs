using System.Net.Sockets;
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

    /// <summary>A client credentials token of <paramref name="clientId"/> for <paramref name="networkId"/> from <paramref name="issuer"/>.</summary>
    private static async Task<string> ClientTokenAsync(string issuer, string clientId, string secret, string networkId)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, issuer + "connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["network_id"] = networkId }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The issuer of make up refused {clientId}: {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>The grpc-status of a call to <paramref name="method"/> with an empty request over h2c (HttpClient, no gRPC library).</summary>
    private static async Task<string> GrpcStatusAsync(int port, string method, string? token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}{method}")
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
        }
        using var response = await http.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        return response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.First()
            : response.Headers.TryGetValues("grpc-status", out var header) ? header.First() : "none";
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
    public void make_up_generates_a_client_secret_per_service_and_the_dashboard_readable_by_its_owner_only()
    {
        var state = Path.Combine(Path.GetTempPath(), $"np-up-clients-{Guid.NewGuid():N}");
        try
        {
            Bash($"source deploy/local/env.sh; state={state}; eval \"$(sed -n '/^ensure_client_secrets() {{/,/^}}/p' deploy/local/up.sh)\"; ensure_client_secrets");

            foreach (var client in Conventions.Services.Select(s => s.Name).Append("dashboard"))
            {
                var path = Path.Combine(state, "auth", "clients", client + ".secret");
                Assert.True(File.ReadAllText(path).Trim().Length >= 32, $"{client}'s secret is short.");
                Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(path) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{client}'s secret is readable by others.");
            }
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
            Assert.All(Conventions.Services.Select(s => s.Name).Append("identity"), name => Assert.Contains(name, databases.Split('\n')));
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
            // The services accept the issuer's tokens: membership's client gets one and calls membership with it.
            var issuer = $"http://127.0.0.1:{5100 + offset}/";
            var secret = (await File.ReadAllTextAsync(Path.Combine(state, "auth", "clients", "membership.secret"))).Trim();
            var token = await ClientTokenAsync(issuer, "service-membership", secret, "network-1");
            var membership = Conventions.Service("membership").LocalPort + offset;
            Assert.Equal("16", await GrpcStatusAsync(membership, "/networkplatform.membership.v1.NetworkService/GetNetwork", token: null));
            Assert.NotEqual("16", await GrpcStatusAsync(membership, "/networkplatform.membership.v1.NetworkService/GetNetwork", token));
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
