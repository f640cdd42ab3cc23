namespace NetworkPlatform.Conformance.Tests;

/// <summary>Hand-made HTTP/2 frames (python3-h2) and a raw HTTP/1.1 request: never a crash or a hang, always a status.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class RawHttp2Tests(MembershipEndpoint service)
{
    private Task<string> Run(string testCase) => service.RunPythonAsync("raw_h2.py", testCase);

    [Fact]
    public Task the_server_ends_a_call_at_its_grpc_timeout_with_deadline_exceeded() => Run("server_deadline");

    [Fact]
    public Task garbage_bytes_in_place_of_the_message_get_a_status_and_the_connection_stays_usable() => Run("garbage");

    [Fact]
    public Task an_oversized_length_prefix_is_refused_at_once_with_resource_exhausted() => Run("oversized_length_prefix");

    [Fact]
    public Task http_1_1_on_the_h2c_port_is_refused_saying_it_is_http_2_only() => Run("http1_on_the_h2c_port");
}
