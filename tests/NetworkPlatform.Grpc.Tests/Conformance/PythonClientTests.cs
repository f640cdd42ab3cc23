namespace NetworkPlatform.Grpc.Tests.Conformance;

/// <summary>Python grpcio, an independent gRPC implementation, calls our server's echo service.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class PythonClientTests(ConformanceFixture fixture)
{
    private Task Run(string testCase) => fixture.RunAsync("echo_calls.py", testCase);

    [Fact]
    public Task a_unary_call_round_trips_the_message() => Run("unary");

    [Fact]
    public Task a_three_megabyte_message_crosses_many_data_frames_both_ways() => Run("unary_large");

    [Fact]
    public Task server_streaming_sends_every_response_in_order() => Run("server_streaming");

    [Fact]
    public Task client_streaming_receives_every_request() => Run("client_streaming");

    [Fact]
    public Task bidi_streaming_answers_each_request_while_the_stream_is_open() => Run("bidi");

    [Fact]
    public Task a_slow_call_ends_with_deadline_exceeded() => Run("deadline");

    [Fact]
    public Task handlers_ignoring_their_deadline_still_end_the_call_at_the_deadline_and_the_channel_stays_usable() => Run("deadline_ignored_by_the_handler");

    [Fact]
    public Task text_and_binary_metadata_reach_the_handler_and_the_interceptor_sets_the_user() => Run("metadata");

    [Fact]
    public Task errors_carry_a_percent_decoded_message_trailers_and_google_rpc_status_details() => Run("status_details");

    [Fact]
    public Task a_stream_can_end_with_an_error_after_sending_messages() => Run("status_after_stream");

    [Fact]
    public Task an_unhandled_exception_becomes_internal_without_its_details() => Run("internal_error");

    [Fact]
    public Task an_interceptor_can_refuse_a_call() => Run("denied_by_interceptor");

    [Fact]
    public Task gzip_compressed_requests_and_responses_work_for_unary_and_streams() => Run("gzip");

    [Fact]
    public Task a_request_above_four_mebibytes_is_resource_exhausted() => Run("too_large");

    [Fact]
    public Task unknown_methods_and_services_are_unimplemented() => Run("unimplemented");

    [Fact]
    public async Task the_interceptor_sees_the_request_status_and_duration_of_each_call()
    {
        await Run("unary");
        var call = fixture.Server.Interceptor.Calls.Last(c => c.Method == "/networkplatform.testing.v1.EchoService/Echo" && c.Outcome.StatusCode == StatusCode.OK);
        Assert.Equal("hello", Assert.IsType<Testing.V1.EchoRequest>(call.Request).Message);
        Assert.True(call.Outcome.Duration > TimeSpan.Zero);
        Assert.Null(call.Outcome.Exception);
    }

    [Fact]
    public async Task a_stream_cancelled_by_the_client_stops_the_handler_with_cancelled()
    {
        await Run("cancel_stream");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!fixture.Server.Interceptor.Calls.Any(c => c.Method.EndsWith("/EchoStream", StringComparison.Ordinal) && c.Outcome.StatusCode == StatusCode.Cancelled))
        {
            Assert.True(DateTime.UtcNow < deadline, "the server never saw the cancellation");
            await Task.Delay(50);
        }
    }
}
