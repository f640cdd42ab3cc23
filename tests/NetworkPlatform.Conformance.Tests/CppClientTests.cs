using System.Diagnostics;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Conformance.Tests;

/// <summary>C++ grpc (Debian's grpc++ 1.51), a second independent implementation, calls the membership service.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class CppClientTests(MembershipEndpoint service)
{
    private static readonly Lazy<Task<string>> Client = new(() => CppProgram.BuildAsync(
        "conformance_client",
        RepositoryPaths.Combine("tests", "NetworkPlatform.Conformance.Tests", "cpp", "conformance_client.cc"),
        [
            ("/usr/share/grpc-proto", "grpc/health/v1/health.proto"),
            (MembershipEndpoint.GoogleApiProtos, "google/api/http.proto"),
            (MembershipEndpoint.GoogleApiProtos, "google/api/annotations.proto"),
            (MembershipEndpoint.GoogleApiProtos, "google/rpc/status.proto"),
            (RepositoryPaths.Combine("protos"), "networkplatform/membership/v1/networks.proto"),
        ],
        optimise: false));

    [Fact]
    public Task health_answers_serving_for_the_server_and_the_service() => Run("health");

    [Fact]
    public Task an_authenticated_call_with_text_and_binary_metadata_is_answered_and_one_without_a_token_is_not() => Run("authenticated");

    [Fact]
    public Task an_error_carries_a_google_rpc_status_with_error_info() => Run("details");

    [Fact]
    public Task a_call_outliving_its_deadline_ends_with_deadline_exceeded() => Run("deadline");

    [Fact]
    public Task a_gzip_compressed_request_is_understood() => Run("gzip");

    [Fact]
    public Task a_request_over_four_mebibytes_is_resource_exhausted() => Run("too-large");

    private async Task Run(string testCase)
    {
        var start = new ProcessStartInfo(await Client.Value, [$"127.0.0.1:{service.Port}", service.Token, testCase])
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
