namespace NetworkPlatform.Conformance.Tests;

/// <summary>Python grpcio (Debian's python3-grpcio), an independent gRPC implementation, calls the membership service.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class PythonClientTests(MembershipEndpoint service)
{
    private Task<string> Run(string testCase) => service.RunPythonAsync("grpc_calls.py", testCase);

    [Fact]
    public Task health_answers_for_the_server_and_each_service_and_not_found_for_others() => Run("health_check");

    [Fact]
    public Task health_can_be_watched() => Run("health_watch");

    [Fact]
    public Task reflection_v1_lists_the_services_and_describes_them_with_their_dependencies() => Run("reflection_v1");

    [Fact]
    public Task reflection_v1alpha_lists_the_services_and_describes_them_with_their_dependencies() => Run("reflection_v1alpha");

    [Fact]
    public Task an_authenticated_call_is_answered_and_one_without_a_token_is_unauthenticated() => Run("authenticated_call");

    [Fact]
    public Task text_and_binary_metadata_are_accepted_and_errors_carry_google_rpc_status_details() => Run("metadata");

    [Fact]
    public Task a_call_outliving_its_deadline_ends_with_deadline_exceeded_at_the_deadline() => Run("deadline");

    [Fact]
    public async Task a_stream_cancelled_by_the_client_is_ended_by_the_server_and_the_channel_stays_usable()
    {
        var watchesBefore = service.FinishedCalls.Count(c => c.Method == "Watch");

        await Run("cancellation");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (service.FinishedCalls.Count(c => c.Method == "Watch") == watchesBefore)
        {
            Assert.True(DateTime.UtcNow < deadline, "the server never finished the cancelled watch");
            await Task.Delay(50);
        }
    }

    [Fact]
    public Task a_gzip_compressed_request_is_understood() => Run("gzip");

    [Fact]
    public Task a_request_over_four_mebibytes_is_resource_exhausted() => Run("too_large");
}
