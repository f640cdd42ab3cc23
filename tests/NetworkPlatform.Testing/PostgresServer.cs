using System.Diagnostics;
using Npgsql;

namespace NetworkPlatform.Testing;

/// <summary>
/// A private PostgreSQL 15 from Debian's packages (initdb + pg_ctl in a temp directory on a port of its own), one shared
/// per test process (<see cref="SharedAsync"/>), started on first use and stopped by a watchdog when the process exits.
/// Each test asks for its own fresh database; tests that stop the server start one of their own (<see cref="StartNewAsync"/>).
/// Durability is off (fsync, synchronous_commit): it is a test server, and both sides of a benchmark share it.
/// </summary>
public sealed class PostgresServer
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private const string DirectoryPrefix = "networkplatform-pg-";
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(() => StartNewAsync());

    private readonly int maxConnections;

    private PostgresServer(string directory, int port, int maxConnections)
    {
        Directory = directory;
        Port = port;
        this.maxConnections = maxConnections;
    }

    /// <summary>The server of this test process (started on first call).</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    public string Directory { get; }

    public int Port { get; }

    private string DataDirectory => Path.Combine(Directory, "data");

    private string LogFile => Path.Combine(Directory, "log");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Timeout=15;Command Timeout=30";

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>
    /// A server of its own (for tests that stop and start it, or fill its <paramref name="maxConnections"/>), stopped by
    /// a watchdog when this process exits.
    /// </summary>
    public static async Task<PostgresServer> StartNewAsync(int maxConnections = 300)
    {
        if (!File.Exists(Path.Combine(BinDirectory, "pg_ctl")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDirectory}/pg_ctl is missing): run tests/tools/install-deps.sh.");
        }
        await StopLeftoversAsync();

        var directory = Path.Combine(Path.GetTempPath(), $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}"[..40]);
        System.IO.Directory.CreateDirectory(directory);
        if (Environment.IsPrivilegedProcess)
        {
            // PostgreSQL refuses to run as root: hand the directory to the postgres user and run as it.
            await RunAsync("chown", ["postgres:postgres", directory], asPostgres: false);
        }
        await RunAsync(Path.Combine(BinDirectory, "initdb"),
            ["-D", Path.Combine(directory, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true);

        // PostgreSQL cannot listen on port 0 and report the port: take a random one, and another when it is taken.
        for (var attempt = 1; ; attempt++)
        {
            var server = new PostgresServer(directory, CandidatePort.Next(), maxConnections);
            try
            {
                await server.StartAsync();
                server.StartWatchdog();
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5 && server.LogShows("Address already in use"))
            {
                // Another process had it: try another port.
            }
        }
    }

    /// <summary>Starts the server (again) on its port, with its data: what a restart after <see cref="StopAsync"/> does.</summary>
    public Task StartAsync() => RunAsync(Path.Combine(BinDirectory, "pg_ctl"),
    [
        "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start", "-o",
        $"-p {Port} -k {Directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
        $"-c full_page_writes=off -c max_connections={maxConnections} -c shared_buffers=128MB",
    ], asPostgres: true);

    /// <summary>A fast shutdown, as an operator's restart does it: every session is ended, clients see their connections go.</summary>
    public Task StopAsync() =>
        RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], asPostgres: true);

    private bool LogShows(string text) => File.Exists(LogFile) && File.ReadAllText(LogFile).Contains(text, StringComparison.Ordinal);

    /// <summary>
    /// Test hosts do not reliably run exit handlers (the runner may kill them), so a detached watchdog stops the server
    /// and removes its directory once this process is gone, however it ended.
    /// </summary>
    private void StartWatchdog()
    {
        var asPostgres = Environment.IsPrivilegedProcess ? "runuser -u postgres -- " : "";
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"{asPostgres}{BinDirectory}/pg_ctl -D '{DataDirectory}' -m immediate -w stop; rm -rf '{Directory}'";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog (setsid sh).");
    }

    /// <summary>Servers left by test processes that died without stopping them: stop them and remove their directories.</summary>
    private static async Task StopLeftoversAsync()
    {
        foreach (var directory in System.IO.Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = Path.GetFileName(directory)[DirectoryPrefix.Length..].Split('-')[0];
            if (int.TryParse(owner, out var pid) && IsAlive(pid))
            {
                continue;
            }
            var data = Path.Combine(directory, "data");
            if (File.Exists(Path.Combine(data, "postmaster.pid")))
            {
                try
                {
                    await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres: true);
                }
                catch (InvalidOperationException)
                {
                    // Not running any more.
                }
            }
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Someone else is cleaning it; not ours to fight over.
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in 90 s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }
}
