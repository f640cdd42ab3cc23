namespace NetworkPlatform.Grpc.Tests.Conformance;

/// <summary>Server reflection as grpcurl and Postman use it, in both protocol versions.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class ReflectionTests(ConformanceFixture fixture)
{
    public static TheoryData<string> Versions => new() { "v1", "v1alpha" };

    [Theory]
    [MemberData(nameof(Versions))]
    public Task list_services_names_every_mapped_service(string version) => fixture.RunAsync("reflection_calls.py", "list_services", version);

    [Theory]
    [MemberData(nameof(Versions))]
    public Task file_containing_symbol_sends_the_file_and_its_transitive_dependencies(string version) =>
        fixture.RunAsync("reflection_calls.py", "symbol_with_dependencies", version);

    [Theory]
    [MemberData(nameof(Versions))]
    public Task methods_nested_messages_and_nested_enums_are_symbols_too(string version) =>
        fixture.RunAsync("reflection_calls.py", "method_and_nested_symbols", version);

    [Theory]
    [MemberData(nameof(Versions))]
    public Task file_by_filename_sends_the_file_and_its_dependencies(string version) => fixture.RunAsync("reflection_calls.py", "file_by_filename", version);

    [Theory]
    [MemberData(nameof(Versions))]
    public Task an_unknown_symbol_gets_a_not_found_error_response(string version) => fixture.RunAsync("reflection_calls.py", "unknown_symbol", version);

    [Theory]
    [MemberData(nameof(Versions))]
    public Task one_stream_answers_many_questions_in_order(string version) => fixture.RunAsync("reflection_calls.py", "many_questions_on_one_stream", version);
}
