using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>The python grpcio EchoService (Client/Peers/echo_server.py): an independent server for the client tests.</summary>
public sealed class PythonEchoServer : IAsyncDisposable
{
    private readonly PeerProcess process;

    private PythonEchoServer(PeerProcess process, string host, int port)
    {
        this.process = process;
        Host = host;
        Port = port;
    }

    public string Host { get; }

    public int Port { get; }

    public string Address => $"http://{Host}:{Port}";

    public string Output => process.Output;

    public static string Script => RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Client", "Peers", "echo_server.py");

    public static IReadOnlyList<string> PythonPath =>
    [
        PythonServer.CompileProtos(RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Protos"), "echo.proto"),
        PythonServer.CompileProtos(RepositoryPaths.Combine("protos"), "google/rpc/status.proto", "google/rpc/error_details.proto"),
    ];

    /// <summary>Starts a server on <paramref name="port"/>, by default one the system picks (its READY line names it).</summary>
    public static async Task<PythonEchoServer> StartAsync(string host = "127.0.0.1", int port = 0, string name = "echo", params string[] extraArguments)
    {
        var process = await PythonServer.StartAsync(Script, Arguments(host, port, name, extraArguments), PythonPath);
        var bound = int.Parse((await process.WaitUntilReadyAsync(TimeSpan.Zero)).Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return new PythonEchoServer(process, host, bound);
    }

    /// <summary>
    /// Starts a server that binds only after <paramref name="delay"/>, without waiting for it. Its clients must know the port
    /// before it listens, so it is a candidate: the one test that uses it fails in the rare case another process took it.
    /// </summary>
    public static PythonEchoServer StartLate(TimeSpan delay, string host = "127.0.0.1")
    {
        var port = CandidatePort.Next();
        var arguments = Arguments(host, port, "late", ["--start-delay", delay.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return new PythonEchoServer(PythonServer.Start(Script, arguments, PythonPath), host, port);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static string[] Arguments(string host, int port, string name, string[] extra)
    {
        var bind = host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";
        return ["--bind", bind, "--name", name, .. extra];
    }
}

/// <summary>One python echo server shared by a test class.</summary>
public sealed class PythonEchoServerFixture : IAsyncLifetime
{
    private PythonEchoServer? server;

    public PythonEchoServer Server => server ?? throw new InvalidOperationException("The python echo server has not started.");

    public async Task InitializeAsync() => server = await PythonEchoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
