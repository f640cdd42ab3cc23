using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Conformance;

/// <summary>One server and one set of generated python stubs for all conformance tests (protoc runs once).</summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    private readonly string stubsDirectory = Path.Combine(Path.GetTempPath(), "np-grpc-stubs-" + Guid.NewGuid().ToString("N"));

    public GrpcTestServer Server { get; private set; } = null!;

    public static string ScriptsDirectory { get; } = RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Conformance", "python");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(stubsDirectory);
        await GenerateStubsAsync(stubsDirectory);
        Server = await GrpcTestServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(stubsDirectory, recursive: true);
    }

    /// <summary>Runs one case of a python script against <paramref name="server"/> (the shared one by default) and returns its output.</summary>
    public Task<string> RunAsync(string script, string testCase, params string[] extra) => RunAsync(Server, script, testCase, extra);

    public Task<string> RunAsync(GrpcTestServer server, string script, string testCase, params string[] extra) =>
        PythonPeer.RunSuccessfullyAsync(Path.Combine(ScriptsDirectory, script),
            [testCase, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), stubsDirectory, .. extra],
            TimeSpan.FromSeconds(60));

    private static Task GenerateStubsAsync(string output) =>
        PythonPeer.RunSuccessfullyAsync(Path.Combine(ScriptsDirectory, "generate_stubs.py"),
            [RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Protos"), RepositoryPaths.Combine("protos", "google", "rpc"), output],
            TimeSpan.FromSeconds(60));
}

[CollectionDefinition(Name)]
public sealed class ConformanceCollection : ICollectionFixture<ConformanceFixture>
{
    public const string Name = "conformance";
}
