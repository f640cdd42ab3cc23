using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Client;

/// <summary>C++ grpc's sync server (Conformance/cpp/conformance_server.cc on Debian's grpc++), built and started once for these tests.</summary>
public sealed class CppEchoServerFixture : IAsyncLifetime
{
    private PeerProcess? server;

    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var binary = await CppProgram.BuildAsync(
            "conformance_server",
            RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Conformance", "cpp", "conformance_server.cc"),
            [
                (RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Protos"), "echo.proto"),
                (RepositoryPaths.Combine("protos"), "google/rpc/status.proto"),
                (RepositoryPaths.Combine("protos"), "google/rpc/error_details.proto"),
            ],
            optimise: false);
        server = await PeerProcess.StartAsync(binary, ["0"]);
        Address = $"http://127.0.0.1:{(await server.WaitUntilReadyAsync(TimeSpan.Zero)).Split(' ')[1]}";
    }

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}

/// <summary>Our client against C++ grpc's server.</summary>
public sealed class CppServerTests(CppEchoServerFixture cpp) : EchoPeerContract(cpp.Address, "cpp"), IClassFixture<CppEchoServerFixture>;
