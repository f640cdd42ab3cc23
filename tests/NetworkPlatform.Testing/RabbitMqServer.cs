using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace NetworkPlatform.Testing;

/// <summary>
/// A private RabbitMQ node from Debian's rabbitmq-server: its own node name, AMQP and distribution ports, and data
/// directory in /tmp. One node is shared by the whole test run (<see cref="SharedAsync"/>) and killed by a watchdog
/// when the test process exits; nodes left behind all the same are stopped by the next run. Tests may stop and start it to
/// simulate an outage; queues and messages are durable across that.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string DirectoryPrefix = "np-rabbitmq-";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly SemaphoreSlim SharedLock = new(1, 1);
    private static RabbitMqServer? _shared;

    private readonly string _directory;
    private readonly int _distributionPort;
    private Process? _process;

    private RabbitMqServer(string directory, string nodeName, int port, int distributionPort, int? managementPort)
    {
        _directory = directory;
        NodeName = nodeName;
        Port = port;
        _distributionPort = distributionPort;
        ManagementPort = managementPort;
    }

    /// <summary>The management API's port on <see cref="Host"/> when started with it (<see cref="StartNewAsync"/>).</summary>
    public int? ManagementPort { get; }

    public string? ManagementUrl => ManagementPort is { } port ? $"http://{Host}:{port}" : null;

    public string NodeName { get; }

    public int Port { get; }

    public string Host => "127.0.0.1";

    public string Username => "guest";

    public string Password => "guest";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The node of this test run, started on first use.</summary>
    public static async Task<RabbitMqServer> SharedAsync()
    {
        await SharedLock.WaitAsync();
        try
        {
            if (_shared is null)
            {
                _shared = await StartNewAsync();
            }
            if (!_shared.IsRunning)
            {
                await _shared.StartAsync(); // A test stopped it and failed before starting it again.
            }
            return _shared;
        }
        finally
        {
            SharedLock.Release();
        }
    }

    /// <param name="management">Also serve the management API (the queue metrics read it); it adds a few seconds to the start.</param>
    public static async Task<RabbitMqServer> StartNewAsync(bool management = false)
    {
        if (!File.Exists("/usr/sbin/rabbitmq-server"))
        {
            throw new InvalidOperationException("rabbitmq-server is not installed: run tests/tools/install-deps.sh (or `make test`).");
        }
        await StopLeftoversAsync();
        var id = $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        var directory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + id);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), management ? "[rabbitmq_management].\n" : "[].\n");
        if (Environment.UserName == "root")
        {
            // Started as root, rabbitmq-server drops to the rabbitmq user, which must own its directories.
            await RunAsync("chown", ["-R", "rabbitmq:rabbitmq", directory], TimeSpan.FromSeconds(10));
        }
        // RabbitMQ cannot listen on port 0 and report the port: take random ones, and others when one is taken.
        for (var attempt = 1; ; attempt++)
        {
            int? managementPort = management ? CandidatePort.Next() : null;
            await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"),
                managementPort is { } http ? $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {http}\n" : "");
            var server = new RabbitMqServer(directory, $"np-test-{id}@localhost", CandidatePort.Next(), CandidatePort.Next(),
                managementPort);
            if (attempt == 1)
            {
                server.StartWatchdog();
            }
            try
            {
                await server.StartAsync();
                return server;
            }
            catch (InvalidOperationException e) when (attempt < 5 && e.Message.Contains("eaddrinuse", StringComparison.Ordinal))
            {
                // Another process had one of its ports: try others.
            }
        }
    }

    /// <summary>
    /// Test hosts do not reliably run exit handlers (the runner may kill them), so a detached watchdog kills the node
    /// and removes its directory once this process is gone, however it ended. epmd is shared with other nodes: spared.
    /// </summary>
    private void StartWatchdog()
    {
        var script = $"exec >/dev/null 2>&1 </dev/null; while kill -0 {Environment.ProcessId}; do sleep 1; done; " +
            $"for p in /proc/[0-9]*; do [ \"$(cat $p/comm)\" != epmd ] && grep -qaF '{_directory}' $p/environ && kill -9 ${{p#/proc/}}; done; " +
            $"sleep 1; rm -rf '{_directory}' || (sleep 2; rm -rf '{_directory}')";
        using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("Could not start the RabbitMQ watchdog (setsid sh).");
    }

    /// <summary>Starts the node (again): same name, ports and data, so durable queues and their messages are back.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var start = new ProcessStartInfo("/usr/sbin/rabbitmq-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        start.Environment["RABBITMQ_NODENAME"] = NodeName;
        start.Environment["RABBITMQ_NODE_IP_ADDRESS"] = Host;
        start.Environment["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_DIST_PORT"] = _distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia");
        start.Environment["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log");
        start.Environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins");
        start.Environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf");
        var output = Path.Combine(_directory, "console.log");
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start rabbitmq-server.");
        _process.OutputDataReceived += (_, e) => AppendLine(output, e.Data);
        _process.ErrorDataReceived += (_, e) => AppendLine(output, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await IsListeningAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                var log = File.Exists(output) ? string.Join('\n', File.ReadLines(output).TakeLast(30)) : "(no output)";
                await StopAsync();
                throw new InvalidOperationException($"RabbitMQ node {NodeName} did not start on port {Port}. Its output:\n{log}");
            }
            await Task.Delay(200);
        }
        await CtlAsync("await_startup", "--timeout", "60");
    }

    /// <summary>Stops the node (an outage): clients lose their connections until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            try
            {
                await CtlAsync("stop");
            }
            catch (InvalidOperationException)
            {
                KillNodeProcesses(_directory);
            }
        }
        using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(exited.Token);
        _process.Dispose();
        _process = null;
        while (await IsListeningAsync())
        {
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Stops the broker inside its running node (rabbitmqctl stop_app): every client connection is closed and every queue
    /// stops, as in a full stop, and <see cref="StartBrokerAsync"/> takes seconds instead of a node's boot.
    /// </summary>
    public Task StopBrokerAsync() => CtlAsync("stop_app");

    public Task StartBrokerAsync() => CtlAsync("start_app");

    /// <summary>A crash: SIGKILL to the node, no shutdown at all; <see cref="StartAsync"/> brings it back with its data.</summary>
    public async Task KillAsync()
    {
        KillNodeProcesses(_directory);
        if (_process is not null)
        {
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(exited.Token);
            _process.Dispose();
            _process = null;
        }
        while (await IsListeningAsync())
        {
            await Task.Delay(100);
        }
    }

    /// <summary>rabbitmqctl against this node, e.g. CtlAsync("list_queues", "name", "messages"); returns its output.</summary>
    public async Task<string> CtlAsync(params string[] arguments) =>
        await RunAsync("/usr/sbin/rabbitmqctl", ["-q", "-n", NodeName, .. arguments], TimeSpan.FromSeconds(90));

    /// <summary>A fresh virtual host for one test (guest may use it): its own exchanges and queues, no cross-talk.</summary>
    public async Task<string> CreateVirtualHostAsync()
    {
        var name = "test-" + Guid.NewGuid().ToString("N")[..12];
        await CtlAsync("add_vhost", name);
        await CtlAsync("set_permissions", "-p", name, Username, ".*", ".*", ".*");
        return name;
    }

    /// <summary>Every queue of <paramref name="virtualHost"/> with its consumers and messages (ready and unacknowledged).</summary>
    public async Task<IReadOnlyList<QueueState>> QueuesAsync(string virtualHost = "/")
    {
        var output = await CtlAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", "consumers", "messages");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 3 && int.TryParse(parts[1], out _))
            .Select(parts => new QueueState(parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture),
                long.Parse(parts[2], CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Messages ready in each queue (name -> count).</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(string virtualHost)
    {
        var output = await CtlAsync("list_queues", "-p", virtualHost, "--no-table-headers", "name", "messages_ready");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2 && long.TryParse(parts[1], out _))
            .ToDictionary(parts => parts[0], parts => long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The end of the test run: no need for a graceful stop, just be quick (process exit handlers are cut short).</summary>
    public ValueTask DisposeAsync()
    {
        KillNodeProcesses(_directory);
        _process?.Dispose();
        _process = null;
        TryDeleteDirectory(_directory);
        return ValueTask.CompletedTask;
    }

    private async Task<bool> IsListeningAsync()
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(Host, Port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Nodes of earlier test runs whose test process is gone (killed, crashed): stop them and delete their data.</summary>
    private static async Task StopLeftoversAsync()
    {
        foreach (var (pid, environment) in RabbitMqProcesses())
        {
            var owner = OwnerOf(environment, "RABBITMQ_NODENAME=np-test-");
            if (owner is not null && !ProcessIsAlive(owner.Value))
            {
                Kill(pid);
            }
        }
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = OwnerOf(Path.GetFileName(directory), DirectoryPrefix);
            if (owner is not null && !ProcessIsAlive(owner.Value))
            {
                TryDeleteDirectory(directory);
            }
        }
        await Task.CompletedTask;
    }

    /// <summary>The node's Erlang VM (and its launcher) carries the node's directory in its environment, not on its command line.</summary>
    private static void KillNodeProcesses(string directory)
    {
        foreach (var (pid, environment) in RabbitMqProcesses())
        {
            if (environment.Contains(directory, StringComparison.Ordinal))
            {
                Kill(pid);
            }
        }
    }

    private static IEnumerable<(int Pid, string Environment)> RabbitMqProcesses()
    {
        foreach (var procDirectory in Directory.GetDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(procDirectory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            string environment;
            try
            {
                // epmd inherits the environment of the node that started it, but other nodes on this machine use it too.
                if (File.ReadAllText(Path.Combine(procDirectory, "comm")).Trim() == "epmd")
                {
                    continue;
                }
                environment = File.ReadAllText(Path.Combine(procDirectory, "environ"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // Gone already, or not ours to read.
            }
            if (environment.Contains("RABBITMQ_NODENAME=np-test-", StringComparison.Ordinal))
            {
                yield return (pid, environment);
            }
        }
    }

    /// <summary>The test process id in "...np-test-&lt;pid&gt;-&lt;random&gt;".</summary>
    private static int? OwnerOf(string text, string prefix)
    {
        var start = text.IndexOf(prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }
        var digits = new string(text[(start + prefix.Length)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, out var pid) ? pid : null;
    }

    private static void Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already.
        }
    }

    private static bool ProcessIsAlive(int pid)
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

    private static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Removed by the next run's leftover sweep.
        }
    }

    private static readonly Lock OutputLock = new();

    private static void AppendLine(string path, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (OutputLock)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }

    private static async Task<string> RunAsync(string fileName, string[] arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds} s.");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }
        return await stdout;
    }
}

/// <summary>A queue as rabbitmqctl list_queues reports it.</summary>
public sealed record QueueState(string Name, int Consumers, long Messages);
