using NetworkPlatform.Application;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>
/// The service's HTTP/1.1 port with a plain HttpClient: JSON transcoded from the google.api.http annotations (errors as
/// google.rpc.Status JSON), gRPC-Web as a raw POST, and the OpenAPI document built from the same annotations.
/// </summary>
public sealed class HttpApiTests : IAsyncLifetime
{
    private const string Net = ReportingHost.Network;
    private ReportingHost host = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        host = await ReportingHost.StartAsync();
        http = new HttpClient { BaseAddress = host.HttpAddress, DefaultRequestVersion = HttpVersion.Version11 };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(Roles.Secretariat));
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await host.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task a_json_call_runs_the_same_method_as_grpc_and_answers_in_proto_json()
    {
        using var created = await PostJsonAsync($"/v1/networks/{Net}/indicators", """{"name": "Pupils reached", "unit": "pupils", "target": 500}""");
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        using var indicator = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        Assert.Equal(500, indicator.RootElement.GetProperty("target").GetDouble());

        var listed = await host.Client.ListIndicatorsAsync(new ListIndicatorsRequest { NetworkId = Net }, host.As(Roles.Secretariat));
        Assert.Equal(indicator.RootElement.GetProperty("indicatorId").GetString(), Assert.Single(listed.Indicators).IndicatorId);
    }

    [Fact]
    public async Task invalid_input_over_json_gets_400_with_the_field_violations()
    {
        using var response = await PostJsonAsync($"/v1/networks/{Net}/indicators", """{"name": "", "unit": "pupils"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, status.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(status.RootElement.GetProperty("details").EnumerateArray(), d =>
            d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.BadRequest" && d.GetRawText().Contains("\"name\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"name": "Pupils", "unit": "pupils", "colour": "red"}""", "colour")]
    [InlineData("""{"name": "Pupils", "unit": "pupils", "target": "many"}""", "target")]
    [InlineData("""{"name": ["Pupils"], "unit": "pupils"}""", "name")]
    [InlineData("""{"name": "Pupils", "unit": """, "not valid JSON")]
    [InlineData("""{"name": "Pupils", "unit": "pupils", "target": 1.5, "requestId": {"id": 1}}""", "request_id")]
    public async Task a_body_with_an_unknown_field_or_a_wrong_type_gets_400_naming_the_field(string body, string field)
    {
        using var response = await PostJsonAsync($"/v1/networks/{Net}/indicators", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(3, status.RootElement.GetProperty("code").GetInt32());
        Assert.Contains(field, status.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_json_call_without_a_token_gets_401_saying_what_to_send()
    {
        using var anonymous = new HttpClient { BaseAddress = host.HttpAddress };

        using var response = await anonymous.GetAsync(new Uri($"/v1/networks/{Net}/indicators", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(16, status.RootElement.GetProperty("code").GetInt32());
        Assert.Contains("authorization: Bearer", status.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task grpc_web_answers_a_raw_http_1_1_post_with_the_message_and_the_trailers_in_the_body()
    {
        var request = new ListIndicatorsRequest { NetworkId = Net }.ToByteArray();
        var body = new byte[5 + request.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(body.AsSpan(1), request.Length);
        request.CopyTo(body, 5);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc-web+proto");

        using var response = await http.PostAsync(new Uri("/networkplatform.reporting.v1.ReportingService/ListIndicators", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        var answer = await response.Content.ReadAsByteArrayAsync();
        var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(answer.AsSpan(1));
        Assert.Equal(0, answer[0]);
        ListIndicatorsResponse.Parser.ParseFrom(answer, 5, length);
        var trailers = answer.AsSpan(5 + length);
        Assert.Equal(0x80, trailers[0]);
        Assert.Contains("grpc-status: 0", Encoding.ASCII.GetString(trailers[5..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_openapi_document_lists_the_transcoded_paths()
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(ServiceDefaults.OpenApiPath, UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/networks/{networkId}/indicators", out var indicators));
        Assert.True(indicators.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/v1/networks/{networkId}/health", out _));
    }
}
