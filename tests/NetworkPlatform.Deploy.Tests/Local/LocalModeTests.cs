using System.Net.Sockets;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;
using RabbitMQ.Client;

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
    public async Task make_up_starts_postgres_with_a_role_and_database_per_service_and_rabbitmq_on_loopback_only_and_make_down_stops_them()
    {
        var state = Path.Combine(Path.GetTempPath(), $"np-up-{Guid.NewGuid():N}");
        var environment = UpEnvironment(state);
        try
        {
            // PostgreSQL, RabbitMQ and the services listen on fixed ports (make up's conventions, moved for this copy): when
            // another process holds one, start again on others.
            var up = Processes.Run("bash", ["deploy/local/up.sh"], TimeSpan.FromMinutes(10), environment: environment);
            for (var attempt = 2; up.ExitCode != 0 && attempt <= 3 && PortTaken(up.Combined); attempt++)
            {
                Processes.Run("bash", ["deploy/local/down.sh"], TimeSpan.FromMinutes(2), environment: environment);
                environment = UpEnvironment(state);
                up = Processes.Run("bash", ["deploy/local/up.sh"], TimeSpan.FromMinutes(10), environment: environment);
            }
            Assert.True(up.ExitCode == 0, $"make up failed:\n{up.Combined}");
            var postgresPort = int.Parse(environment["UP_POSTGRES_PORT"], System.Globalization.CultureInfo.InvariantCulture);

            Assert.True(Listening(postgresPort), up.Output);
            Assert.True(Listening(int.Parse(environment["UP_RABBITMQ_PORT"], System.Globalization.CultureInfo.InvariantCulture)),
                up.Output);
            foreach (var service in Conventions.Services.Where(s => !File.Exists(RepositoryPaths.Combine(s.ProjectPath))))
            {
                Assert.Contains($"Skipping {service.Name}: {service.ProjectPath} does not exist yet.", up.Output);
            }
            var offset = int.Parse(environment["UP_PORT_OFFSET"], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var service in Conventions.Services.Where(s => File.Exists(RepositoryPaths.Combine(s.ProjectPath))))
            {
                var health = await HealthAsync(service.LocalPort + offset, TimeSpan.FromSeconds(60));
                Assert.True(health == "SERVING", $"{service.Name} under make up answers grpc.health.v1 Check with: {health}. Its log: {state}/logs/{service.Name}.log");
            }
            Assert.True(File.Exists(Path.Combine(state, "auth", "dev-jwks.json")), "No signing key for local tokens.");
            AssertEachServiceOwnsOnlyItsDatabase(postgresPort, environment);
            AssertEverythingListensOnLoopbackOnly(state, environment);
            await AssertTheDashboardConsumerMayOnlyReadEventsAsync(state, environment);
            // Prometheus with the platform's alerts, and a scrape job per service.
            using var http = new HttpClient();
            var prometheusPort = environment["UP_PROMETHEUS_PORT"];
            var rules = await http.GetStringAsync($"http://127.0.0.1:{prometheusPort}/api/v1/rules");
            Assert.Contains("\"QueueWithoutConsumer\"", rules);
            var config = await http.GetStringAsync($"http://127.0.0.1:{prometheusPort}/api/v1/status/config");
            Assert.All(Conventions.Services, s => Assert.Contains($"job_name: {s.Name}\\n", config));
        }
        finally
        {
            var down = Processes.Run("bash", ["deploy/local/down.sh"], TimeSpan.FromMinutes(2), environment: environment);
            Assert.True(down.ExitCode == 0, down.Combined);
        }

        Assert.False(Listening(int.Parse(environment["UP_POSTGRES_PORT"], System.Globalization.CultureInfo.InvariantCulture)),
            "PostgreSQL still listens after make down.");
        Assert.False(Listening(int.Parse(environment["UP_RABBITMQ_PORT"], System.Globalization.CultureInfo.InvariantCulture)),
            "RabbitMQ still listens after make down.");
        Assert.False(Listening(int.Parse(environment["UP_RABBITMQ_EPMD_PORT"], System.Globalization.CultureInfo.InvariantCulture)),
            "Its epmd still listens after make down.");
        Assert.False(Listening(int.Parse(environment["UP_PROMETHEUS_PORT"], System.Globalization.CultureInfo.InvariantCulture)),
            "Prometheus still listens after make down.");
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(state, "pids")));
        Directory.Delete(state, recursive: true);
    }

    [Fact]
    public async Task make_run_listens_on_loopback_only()
    {
        // make run's banner, printed once every listener is bound.
        const string Running = "Network Platform is running";
        var data = Directory.CreateTempSubdirectory("np-run-").FullName;
        var dll = RepositoryPaths.Combine("artifacts", "bin", "NetworkPlatform.Standalone",
            new DirectoryInfo(AppContext.BaseDirectory).Name, "NetworkPlatform.Standalone.dll");
        try
        {
            // The standalone host listens on fixed ports (make run's GRPC_PORT and HTTP_PORT): on a conflict, others.
            for (var attempt = 1; ; attempt++)
            {
                var (grpcPort, httpPort) = (CandidatePort.Next(), CandidatePort.Next());
                await using var standalone = PeerProcess.Start("dotnet", [dll, "--data-dir", data],
                    new Dictionary<string, string> { ["GRPC_PORT"] = Text(grpcPort), ["HTTP_PORT"] = Text(httpPort) });
                var deadline = DateTime.UtcNow.AddSeconds(90);
                while (!standalone.HasExited && DateTime.UtcNow < deadline
                    && !standalone.Output.Contains(Running, StringComparison.Ordinal))
                {
                    await Task.Delay(200);
                }
                if (standalone.HasExited && attempt < 3 && PortTaken(standalone.Output))
                {
                    continue;
                }
                Assert.True(!standalone.HasExited && standalone.Output.Contains(Running, StringComparison.Ordinal),
                    standalone.Output);
                var sockets = ListeningSocket.All().Where(s => s.ProcessIds.Contains(standalone.Id)).ToList();
                Assert.Contains(sockets, s => s.Port == grpcPort);
                Assert.Contains(sockets, s => s.Port == httpPort);
                Assert.All(sockets, s => Assert.True(s.OnLoopback, $"make run listens beyond loopback: {s}"));
                return;
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A copy of make up beside any other: its own state folder, node name and ports (moved by a random offset).</summary>
    private static Dictionary<string, string> UpEnvironment(string state) => new()
    {
        ["UP_DIR"] = state,
        ["UP_POSTGRES_PORT"] = Text(CandidatePort.Next()),
        ["UP_RABBITMQ_PORT"] = Text(CandidatePort.Next()),
        ["UP_RABBITMQ_DIST_PORT"] = Text(CandidatePort.Next()),
        ["UP_RABBITMQ_EPMD_PORT"] = Text(CandidatePort.Next()),
        ["UP_RABBITMQ_MANAGEMENT_PORT"] = Text(CandidatePort.Next()),
        ["UP_PROMETHEUS_PORT"] = Text(CandidatePort.Next()),
        ["UP_RABBITMQ_NODE"] = $"np-up-test-{Environment.ProcessId}@localhost",
        ["UP_PORT_OFFSET"] = Text(10000 + Random.Shared.Next(0, 17000)), // Ports below the kernel's ephemeral range.
    };

    private static string Text(int number) => number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool PortTaken(string output) =>
        output.Contains("already in use", StringComparison.OrdinalIgnoreCase) || output.Contains("eaddrinuse", StringComparison.Ordinal);

    /// <summary>Each service logs in as a role of its own that owns its database, is no superuser, and cannot open another's.</summary>
    private static void AssertEachServiceOwnsOnlyItsDatabase(int postgresPort, IReadOnlyDictionary<string, string> environment)
    {
        string Psql(string user, string database, string sql, bool expectSuccess = true)
        {
            var result = Processes.Run("psql", ["-h", "127.0.0.1", "-p", Text(postgresPort), "-U", user, "-d", database, "-tAc", sql],
                TimeSpan.FromSeconds(30), environment: environment);
            Assert.True((result.ExitCode == 0) == expectSuccess, $"psql -U {user} -d {database} -c \"{sql}\": {result.Combined}");
            return result.Combined.Trim();
        }

        foreach (var service in Conventions.Services)
        {
            Assert.Equal("f|f|f|t", Psql("postgres", "postgres",
                $"SELECT rolsuper, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles WHERE rolname = '{service.Name}'"));
            Assert.Equal(service.Name,
                Psql("postgres", "postgres", $"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '{service.Name}'"));
            Assert.Equal("0", Psql(service.Name, service.Name, "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND false"));
            var other = Conventions.Services.First(s => s != service);
            Assert.Contains("permission denied for database", Psql(service.Name, other.Name, "SELECT 1", expectSuccess: false),
                StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// make up's event consumer "dashboard" (docs/events/README.md): it declares a queue of its own and binds it to an event
    /// exchange, which exists before any such event was published; the broker refuses it another's queue name and publishing.
    /// </summary>
    private static async Task AssertTheDashboardConsumerMayOnlyReadEventsAsync(string state, IReadOnlyDictionary<string, string> environment)
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = int.Parse(environment["UP_RABBITMQ_PORT"], System.Globalization.CultureInfo.InvariantCulture),
            UserName = "dashboard",
            Password = (await File.ReadAllTextAsync(Path.Combine(state, "event-consumers", "dashboard.password"))).Trim(),
        };
        await using var connection = await factory.CreateConnectionAsync();
        const string Exchange = "NetworkPlatform.Events.Membership:OrganisationRegistered";
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("dashboard.organisations", durable: false, exclusive: true, autoDelete: true);
            await channel.QueueBindAsync("dashboard.organisations", Exchange, routingKey: "");
        }
        foreach (var (what, refused) in new (string, Func<IChannel, Task>)[]
        {
            ("declare membership's queue name", c => c.QueueDeclareAsync("membership.mine", durable: false, exclusive: true,
                autoDelete: true)),
            ("publish an event", async c => await c.BasicPublishAsync(Exchange, "", true, new BasicProperties(), "{}"u8.ToArray())),
        })
        {
            await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true,
                publisherConfirmationTrackingEnabled: true));
            var error = await Record.ExceptionAsync(() => refused(channel));
            Assert.True(error is RabbitMQ.Client.Exceptions.OperationInterruptedException { ShutdownReason.ReplyCode: 403 }
                or RabbitMQ.Client.Exceptions.PublishException,
                $"The dashboard consumer could {what}: {error}");
        }
    }

    /// <summary>
    /// The services, the dashboard, PostgreSQL, RabbitMQ (AMQP, management API, Erlang distribution, its epmd) and
    /// Prometheus listen on loopback only.
    /// </summary>
    private static void AssertEverythingListensOnLoopbackOnly(string state, IReadOnlyDictionary<string, string> environment)
    {
        var sockets = ListeningSocket.All();
        var offset = int.Parse(environment["UP_PORT_OFFSET"], System.Globalization.CultureInfo.InvariantCulture);
        var ports = new[] { "UP_POSTGRES_PORT", "UP_RABBITMQ_PORT", "UP_RABBITMQ_DIST_PORT", "UP_RABBITMQ_EPMD_PORT",
            "UP_RABBITMQ_MANAGEMENT_PORT", "UP_PROMETHEUS_PORT" }
            .Select(name => int.Parse(environment[name], System.Globalization.CultureInfo.InvariantCulture))
            .Concat(Conventions.Services.Select(s => s.LocalPort + offset))
            .Append(Conventions.LocalDashboardPort + offset)
            .ToList();
        foreach (var port in ports)
        {
            Assert.True(sockets.Any(s => s.Port == port), $"Nothing listens on port {port} after make up.");
        }
        // Every socket of the processes behind those ports, not only the configured ones (an extra endpoint, a second listener).
        var processes = sockets.Where(s => ports.Contains(s.Port)).SelectMany(s => s.ProcessIds).ToHashSet();
        var exposed = sockets.Where(s => (ports.Contains(s.Port) || s.ProcessIds.Any(processes.Contains)) && !s.OnLoopback).ToList();
        Assert.True(exposed.Count == 0, $"make up listens beyond loopback: {string.Join("; ", exposed)} (state {state})");
    }
}
