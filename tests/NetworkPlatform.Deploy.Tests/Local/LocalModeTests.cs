using System.Net.Sockets;
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
            // The services accept the issuer's tokens: membership's client gets one and calls membership with it.
            var issuer = $"http://127.0.0.1:{Conventions.LocalIssuerPort + offset}/";
            var secret = (await File.ReadAllTextAsync(Path.Combine(state, "auth", "clients", "membership.secret"))).Trim();
            var token = await ClientTokenAsync(issuer, "service-membership", secret, "network-1");
            var membership = Conventions.Service("membership").LocalPort + offset;
            Assert.Equal("16", await GrpcStatusAsync(membership, "/networkplatform.membership.v1.NetworkService/GetNetwork", token: null));
            Assert.NotEqual("16", await GrpcStatusAsync(membership, "/networkplatform.membership.v1.NetworkService/GetNetwork", token));
            AssertEachServiceOwnsOnlyItsDatabase(postgresPort, environment);
            AssertEverythingListensOnLoopbackOnly(state, environment);
            await AssertTheDashboardConsumerMayOnlyReadEventsAsync(state, environment);
            await AssertADashboardConsumerFromTheCatalogueSeesTheWorkloadAndItsReplayAsync(state, environment, issuer);
            // Prometheus with the platform's alerts, and a scrape job per service.
            using var http = new HttpClient();
            var prometheusPort = environment["UP_PROMETHEUS_PORT"];
            var rules = await http.GetStringAsync($"http://127.0.0.1:{prometheusPort}/api/v1/rules");
            Assert.Contains("\"QueueWithoutConsumer\"", rules);
            var config = await http.GetStringAsync($"http://127.0.0.1:{prometheusPort}/api/v1/status/config");
            Assert.All(Conventions.Services, s => Assert.Contains($"job_name: {s.Name}\\n", config));
            await AssertTheNoConsumerAlertFiresWhileTheBrokerIsDownAndClearsAsync(environment, prometheusPort);
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
        var data = Directory.CreateTempSubdirectory("np-run-").FullName;
        try
        {
            var (standalone, grpcPort, httpPort) = await StartMakeRunAsync(data);
            await using (standalone)
            {
                var sockets = ListeningSocket.All().Where(s => s.ProcessIds.Contains(standalone.Id)).ToList();
                Assert.Contains(sockets, s => s.Port == grpcPort);
                Assert.Contains(sockets, s => s.Port == httpPort);
                Assert.All(sockets, s => Assert.True(s.OnLoopback, $"make run listens beyond loopback: {s}"));
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task make_tokens_prints_a_token_of_make_run_for_every_variable_its_banner_names_and_the_services_accept_them()
    {
        var data = Directory.CreateTempSubdirectory("np-run-").FullName;
        try
        {
            var (standalone, _, httpPort) = await StartMakeRunAsync(data);
            await using (standalone)
            {
                var tokens = Processes.Run("make", ["-s", "tokens", $"DATA_DIR={data}", $"HTTP_PORT={httpPort}"], TimeSpan.FromMinutes(2));

                Assert.True(tokens.ExitCode == 0, tokens.Combined);
                var exported = tokens.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Select(line => line.Split('=', 2))
                    .ToDictionary(pair => pair[0].Replace("export ", "", StringComparison.Ordinal), pair => pair[1]);
                var banner = standalone.Output[standalone.Output.IndexOf("eval \"$(make -s tokens)\"", StringComparison.Ordinal)..];
                Assert.All(exported.Keys, name => Assert.Contains(name, banner.Split('\n')[0], StringComparison.Ordinal));
                Assert.Contains("SECRETARIAT", exported.Keys);
                Assert.Contains("DASHBOARD", exported.Keys);
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/") };
                foreach (var (name, path) in new[] { ("SECRETARIAT", "groups"), ("LEADER", "directory"), ("DASHBOARD", "health?year=2026") })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/networks/partnerskap-mot-mobbing/{path}");
                    request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", exported[name]);
                    using var response = await http.SendAsync(request);
                    Assert.True(response.IsSuccessStatusCode, $"{name} on {path}: {(int)response.StatusCode} " +
                        await response.Content.ReadAsStringAsync());
                }
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>make run's build output on <paramref name="data"/> (<see cref="StandaloneProcess"/>).</summary>
    private static async Task<(PeerProcess Standalone, int GrpcPort, int HttpPort)> StartMakeRunAsync(string data)
    {
        var standalone = await StandaloneProcess.StartAsync(data);
        return (standalone.Process, standalone.GrpcPort, standalone.HttpPort);
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
        ["UP_PROMETHEUS_INTERVAL"] = "2s",
        ["UP_RABBITMQ_NODE"] = $"np-up-test-{Environment.ProcessId}@localhost",
        ["UP_PORT_OFFSET"] = Text(10000 + Random.Shared.Next(0, 17000)), // Ports below the kernel's ephemeral range.
    };

    /// <summary>
    /// The alert an operator relies on, end to end: the broker of make up stops, the services report their consumers
    /// detached, Prometheus (scraping every 2 s) fires QueueWithoutConsumer once its 1 minute has passed, and clears it once
    /// the broker is back (make up again starts only what is missing) and every consumer attached again.
    /// </summary>
    private static async Task AssertTheNoConsumerAlertFiresWhileTheBrokerIsDownAndClearsAsync(
        IReadOnlyDictionary<string, string> environment, string prometheusPort)
    {
        using var http = new HttpClient();
        async Task<string?> StateAsync()
        {
            var alerts = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"http://127.0.0.1:{prometheusPort}/api/v1/alerts"));
            var states = alerts.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
                .Where(a => a.GetProperty("labels").GetProperty("alertname").GetString() == "QueueWithoutConsumer")
                .Select(a => a.GetProperty("state").GetString()).ToList();
            return states.Contains("firing") ? "firing" : states.FirstOrDefault();
        }
        async Task<TimeSpan> WaitAsync(Func<string?, bool> until, TimeSpan within, string what,
            System.Diagnostics.Stopwatch? since = null)
        {
            var clock = since ?? System.Diagnostics.Stopwatch.StartNew();
            string? state;
            while (!until(state = await StateAsync()))
            {
                Assert.True(clock.Elapsed < within, $"QueueWithoutConsumer {what} within {within.TotalSeconds} s (its state: {state ?? "none"}).");
                await Task.Delay(1000);
            }
            return clock.Elapsed;
        }
        await WaitAsync(state => state is null, TimeSpan.FromSeconds(60), "was active before the broker stopped");

        var stopping = System.Diagnostics.Stopwatch.StartNew();
        Bash("source deploy/local/env.sh; \"$rabbitmq_bin/rabbitmqctl\" -q -n \"$rabbitmq_node\" stop", environment, timeoutSeconds: 60);
        var fired = await WaitAsync(state => state == "firing", TimeSpan.FromSeconds(150), "did not fire while the broker was down",
            stopping);
        var up = Processes.Run("bash", ["deploy/local/up.sh"], TimeSpan.FromMinutes(5), environment: environment);
        Assert.True(up.ExitCode == 0, $"make up did not bring the broker back:\n{up.Combined}");
        var cleared = await WaitAsync(state => state is null, TimeSpan.FromSeconds(120), "did not clear once the broker was back");

        Assert.True(fired >= TimeSpan.FromSeconds(59), $"QueueWithoutConsumer fired {fired.TotalSeconds:F0} s after the stop, before its minute.");
        Console.WriteLine($"QueueWithoutConsumer fired {fired.TotalSeconds:F0} s after the broker stopped, cleared {cleared.TotalSeconds:F0} s after it was back.");
    }

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

        // Each reads its own tables: the services their outbox, the issuer its signing keys.
        var owners = Conventions.Services.Select(s => (Name: s.Name, Table: "outbox")).Append((Name: "identity", Table: "issuer_keys"))
            .ToList();
        foreach (var (name, table) in owners)
        {
            Assert.Equal("f|f|f|t", Psql("postgres", "postgres",
                $"SELECT rolsuper, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles WHERE rolname = '{name}'"));
            Assert.Equal(name, Psql("postgres", "postgres", $"SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = '{name}'"));
            Psql(name, name, $"SELECT count(*) FROM {table}");
            var other = owners.First(o => o.Name != name).Name;
            Assert.Contains("permission denied for database", Psql(name, other, "SELECT 1", expectSuccess: false), StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// make up's event consumer "dashboard" (docs/events/README.md): it declares a queue of its own and binds it to the
    /// consumers' exchange, which exists before any event was published; the broker refuses it the per-type exchanges, another's
    /// queue name and publishing.
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
            await channel.QueueBindAsync("dashboard.organisations", "NetworkPlatform.Events",
                routingKey: "*.Membership.OrganisationRegistered");
        }
        foreach (var (what, refused) in new (string, Func<IChannel, Task>)[]
        {
            ("bind to a per-type exchange, which carries every network", c => c.QueueBindAsync("dashboard.organisations", Exchange, "")),
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
    /// tests/consumers/dashboard_consumer.py, a consumer written from docs/events/asyncapi.json alone (Debian's python3-pika and
    /// python3-jsonschema), with make up's consumer credentials: it binds its network, runs a workload through the JSON API,
    /// validates every message inside the whole document, looks for unmarked personal data and compares reporting's
    /// ReadEvents from position 0 with what arrived live (same events and bodies, same order per aggregate stream).
    /// </summary>
    private static async Task AssertADashboardConsumerFromTheCatalogueSeesTheWorkloadAndItsReplayAsync(string state,
        IReadOnlyDictionary<string, string> environment, string issuer)
    {
        var network = "consumer-" + Guid.NewGuid().ToString("N")[..8];
        var identityStorage = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "postgres",
            ["Storage__ConnectionString"] = $"Host=127.0.0.1;Port={environment["UP_POSTGRES_PORT"]};Database=identity;Username=identity",
        };
        using var http = new HttpClient { BaseAddress = new Uri(issuer) };
        async Task<string> TokenAsync(string role) =>
            (await IssuerProcess.CallerAsync(http, identityStorage, network, role)).Get("authorization")!.Value["Bearer ".Length..];
        var offset = int.Parse(environment["UP_PORT_OFFSET"], System.Globalization.CultureInfo.InvariantCulture);
        string HttpUrl(string service) => $"http://127.0.0.1:{Conventions.Service(service).LocalHttpPort + offset}";
        var consumer = Processes.Run(PythonPeer.Interpreter, [RepositoryPaths.Combine("tests", "consumers", "dashboard_consumer.py")],
            TimeSpan.FromMinutes(4), environment: new Dictionary<string, string>
        {
            ["NP_ASYNCAPI"] = RepositoryPaths.Combine("docs", "events", "asyncapi.json"),
            ["NP_AMQP_HOST"] = "127.0.0.1",
            ["NP_AMQP_PORT"] = environment["UP_RABBITMQ_PORT"],
            ["NP_AMQP_USER"] = "dashboard",
            ["NP_AMQP_PASSWORD"] = (await File.ReadAllTextAsync(Path.Combine(state, "event-consumers", "dashboard.password"))).Trim(),
            ["NP_NETWORK"] = network,
            ["NP_MEMBERSHIP_URL"] = HttpUrl("membership"),
            ["NP_GROUPS_URL"] = HttpUrl("groups"),
            ["NP_MEETINGS_URL"] = HttpUrl("meetings"),
            ["NP_REPORTING_URL"] = HttpUrl("reporting"),
            ["NP_OPERATOR_TOKEN"] = await TokenAsync(NetworkPlatform.Application.Roles.Operator),
            ["NP_SECRETARIAT_TOKEN"] = await TokenAsync(NetworkPlatform.Application.Roles.Secretariat),
            ["NP_READER_TOKEN"] = await TokenAsync(NetworkPlatform.Application.Roles.DashboardReader),
        });
        Assert.True(consumer.ExitCode == 0, $"The dashboard consumer found problems (state {state}):\n{consumer.Combined}");
    }

    /// <summary>
    /// The services, the dashboard, the issuer, PostgreSQL, RabbitMQ (AMQP, management API, Erlang distribution, its epmd) and
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
            .Append(Conventions.LocalIssuerPort + offset)
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
