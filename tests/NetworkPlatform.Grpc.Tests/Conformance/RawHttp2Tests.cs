namespace NetworkPlatform.Grpc.Tests.Conformance;

/// <summary>Hand-made HTTP/2 frames (python3-h2): malformed input gets a status, never a crash or a hang.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class RawHttp2Tests(ConformanceFixture fixture)
{
    private Task Run(string testCase) => fixture.RunAsync("raw_h2.py", testCase);

    [Fact]
    public async Task a_non_grpc_content_type_gets_http_415_and_interceptors_see_the_refusal()
    {
        await Run("wrong_content_type");

        Assert.Contains(fixture.Server.Interceptor.Calls, c => c.Method == "/networkplatform.testing.v1.EchoService/Echo"
            && c.Outcome is { Refused: true, HttpStatusCode: 415, StatusCode: StatusCode.Unknown } && c.Request is null);
    }

    [Fact]
    public Task a_message_split_into_one_byte_data_frames_is_reassembled() => Run("split_frames");

    [Fact]
    public Task end_of_stream_in_a_separate_empty_frame_is_accepted() => Run("end_stream_in_separate_frame");

    [Fact]
    public Task a_body_cut_inside_the_message_is_internal() => Run("truncated_body");

    [Fact]
    public Task a_body_cut_inside_the_length_prefix_is_internal() => Run("truncated_prefix");

    [Fact]
    public Task a_unary_call_without_a_message_is_internal() => Run("empty_body");

    [Fact]
    public Task an_oversized_length_prefix_is_refused_at_once_with_resource_exhausted() => Run("oversized_length_prefix");

    [Fact]
    public Task a_compressed_flag_other_than_0_or_1_is_internal() => Run("invalid_compressed_flag_value");

    [Fact]
    public Task the_compressed_flag_without_grpc_encoding_is_internal() => Run("compressed_flag_without_encoding");

    [Fact]
    public Task an_unknown_grpc_encoding_is_unimplemented_and_lists_the_supported_ones() => Run("unknown_encoding");

    [Fact]
    public Task a_gzip_request_gets_a_gzip_response() => Run("gzip_both_ways");

    [Fact]
    public async Task with_compress_responses_a_client_accepting_gzip_gets_gzip_answers()
    {
        await using var server = await GrpcTestServer.StartAsync(options => options.CompressResponses = true);
        await fixture.RunAsync(server, "raw_h2.py", "gzip_response_for_a_plain_request");
    }

    [Fact]
    public Task garbage_protobuf_is_internal() => Run("garbage_protobuf");

    [Fact]
    public Task two_messages_on_a_unary_call_are_internal() => Run("two_messages_on_unary");

    [Fact]
    public async Task an_unknown_method_gets_a_trailers_only_response_and_interceptors_see_it_unimplemented()
    {
        await Run("trailers_only_for_unknown_method");

        Assert.Contains(fixture.Server.Interceptor.Calls, c => c.Method == "/networkplatform.testing.v1.EchoService/Missing"
            && c.Outcome is { Refused: true, HttpStatusCode: 200, StatusCode: StatusCode.Unimplemented });
    }

    [Fact]
    public Task grpc_message_is_percent_encoded_and_binary_trailers_are_unpadded() => Run("status_message_is_percent_encoded");

    [Fact]
    public Task binary_metadata_is_accepted_padded_and_unpadded() => Run("binary_metadata_padded_and_unpadded");

    [Fact]
    public Task the_server_ends_a_call_at_its_grpc_timeout_with_deadline_exceeded() => Run("server_deadline");

    [Fact]
    public async Task the_server_answers_deadline_exceeded_at_the_deadline_while_a_handler_ignoring_it_runs_on()
    {
        await Run("server_deadline_with_a_handler_ignoring_it");

        var outcome = await fixture.Server.Interceptor.SingleOutcomeAsync("stubborn raw h2");
        Assert.Equal(StatusCode.DeadlineExceeded, outcome.StatusCode);
        Assert.True(outcome.Duration < TimeSpan.FromSeconds(2), $"the call ended at its deadline, not when the handler returned: {outcome.Duration}");
    }

    [Fact]
    public Task a_server_stream_whose_handler_ignores_the_deadline_ends_at_the_deadline_after_the_messages_sent() => Run("server_stream_deadline_with_a_handler_ignoring_it");

    [Fact]
    public Task a_malformed_grpc_timeout_is_internal() => Run("malformed_timeout");

    [Fact]
    public Task a_hundred_concurrent_streams_on_one_connection_all_get_their_answer() => Run("concurrent_streams");
}
