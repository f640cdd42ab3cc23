using System.Diagnostics;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Grpc.Tests.Conformance;

/// <summary>C++ grpc (Debian's grpc++ 1.51), a second independent implementation, calls our server's echo service.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class CppClientTests(ConformanceFixture fixture)
{
    private static readonly Lazy<Task<string>> Client = new(() => CppProgram.BuildAsync(
        "conformance_client",
        RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Conformance", "cpp", "conformance_client.cc"),
        [
            (RepositoryPaths.Combine("tests", "NetworkPlatform.Grpc.Tests", "Protos"), "echo.proto"),
            (RepositoryPaths.Combine("protos"), "google/rpc/status.proto"),
            (RepositoryPaths.Combine("protos"), "google/rpc/error_details.proto"),
        ],
        optimise: false));

    [Fact]
    public Task a_unary_call_carries_text_and_binary_metadata_and_the_deadline() => Run("unary");

    [Fact]
    public Task server_streaming_delivers_every_response_in_order() => Run("server-streaming");

    [Fact]
    public Task client_streaming_delivers_every_request_in_order() => Run("client-streaming");

    [Fact]
    public Task bidi_streaming_answers_each_request_before_the_next() => Run("bidi");

    [Fact]
    public Task a_slow_call_ends_with_deadline_exceeded_at_the_deadline() => Run("deadline");

    [Fact]
    public Task an_error_carries_the_exact_message_rich_details_and_trailers() => Run("details");

    [Fact]
    public Task a_gzip_compressed_request_is_understood() => Run("gzip");

    [Fact]
    public Task an_oversized_request_is_refused_with_resource_exhausted() => Run("too-large");

    private async Task Run(string testCase)
    {
        var start = new ProcessStartInfo(await Client.Value, [$"127.0.0.1:{fixture.Server.Port}", testCase])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"The C++ client's '{testCase}' case did not finish in 60 s:\n{await output}");
        }
        Assert.True(process.ExitCode == 0, $"The C++ client's '{testCase}' case failed (exit {process.ExitCode}):\n{await output}{await errors}");
    }
}
