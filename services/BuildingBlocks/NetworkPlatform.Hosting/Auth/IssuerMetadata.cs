using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace NetworkPlatform.Hosting.Auth;

/// <summary>
/// The issuer's discovery document as JwtBearer holds it (one fetch and refresh schedule for token validation, the token
/// endpoint and the introspection endpoint), and the service's own authenticated requests to those endpoints.
/// </summary>
public sealed class IssuerMetadata(IOptionsMonitor<JwtBearerOptions> jwt, IHttpClientFactory http, AuthOptions options)
{
    internal const string HttpClientName = "issuer";

    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var manager = jwt.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager
            ?? throw new InvalidOperationException("JwtBearer has no configuration manager: set Auth__Authority.");
        return await manager.GetConfigurationAsync(cancellationToken);
    }

    /// <summary>
    /// POSTs <paramref name="form"/> to <paramref name="endpoint"/> as this service's client (HTTP Basic, RFC 6749 2.3.1) and
    /// returns the JSON answer with its status. The secret goes into the header only; nothing here is logged.
    /// </summary>
    public async Task<(bool Ok, JsonElement Body)> PostAsClientAsync(string endpoint, IEnumerable<KeyValuePair<string, string>> form,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
        var credentials = Uri.EscapeDataString(options.ClientId!) + ":" + Uri.EscapeDataString(options.ReadClientSecret());
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            return (response.IsSuccessStatusCode, JsonDocument.Parse(text).RootElement.Clone());
        }
        catch (JsonException)
        {
            throw new InvalidOperationException(
                $"The issuer answered {(int)response.StatusCode} from {endpoint} with something that is not JSON.");
        }
    }

    /// <summary>"error: description" of an OAuth error answer, for messages.</summary>
    public static string Error(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error)
            ? error.GetString() + (body.TryGetProperty("error_description", out var description) ? ": " + description.GetString() : "")
            : "no OAuth error in the answer";
}
