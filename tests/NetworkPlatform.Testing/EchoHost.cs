using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Testing.V1;

namespace NetworkPlatform.Testing;

/// <summary>
/// A real host built as the services build theirs (AddServiceDefaults, MapServiceDefaults, MapGrpcServiceWithHealth) on a port
/// Kestrel picks, serving <see cref="CallerEcho"/>; called over HTTP/2 with Grpc.Net.Client.
/// </summary>
public sealed class EchoHost : IAsyncDisposable
{
    private EchoHost(WebApplication app, int port)
    {
        App = app;
        Port = port;
        Channel = GrpcChannel.ForAddress(Address);
        Echo = new EchoService.EchoServiceClient(Channel);
    }

    public WebApplication App { get; }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    public GrpcChannel Channel { get; }

    public EchoService.EchoServiceClient Echo { get; }

    /// <param name="settings">Auth__* and any other configuration of the host.</param>
    /// <param name="configure">Registrations before the host is built (health checks, logging providers).</param>
    public static async Task<EchoHost> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://127.0.0.1:0", ["Logging:Format"] = "text" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults("echo");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapServiceDefaults();
        app.MapGrpcServiceWithHealth<CallerEcho>();
        await app.StartAsync();
        var port = new Uri(app.Urls.Single()).Port;
        return new EchoHost(app, port);
    }

    /// <summary>The Auth__* settings that accept <paramref name="tokens"/>' tokens.</summary>
    public static Dictionary<string, string?> Accepting(DevelopmentTokens tokens) => new()
    {
        ["Auth:Issuer"] = DevelopmentTokens.Issuer,
        ["Auth:Audience"] = DevelopmentTokens.Audience,
        ["Auth:SigningKeyFile"] = tokens.JwksPath,
    };

    /// <summary>Echo with <paramref name="authorization"/> as the authorization header (none when null).</summary>
    public async Task<string> EchoAsync(string? authorization, string message = "hi")
    {
        var headers = new Metadata();
        if (authorization is not null)
        {
            headers.Add("authorization", authorization);
        }
        var answer = await Echo.EchoAsync(new EchoRequest { Message = message }, new CallOptions(headers, DateTime.UtcNow.AddSeconds(10)));
        return answer.Message;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>Answers with who called: "hi from alice of net-1 (org org-7, person p-3) as secretariat".</summary>
    private sealed class CallerEcho : EchoService.EchoServiceBase
    {
        public override Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
        {
            var caller = context.GetCaller();
            var who = caller.OrganisationId is null ? "" : $" (org {caller.OrganisationId}, person {caller.PersonId})";
            return Task.FromResult(new EchoResponse
            {
                Message = $"{request.Message} from {caller.Subject} of {caller.NetworkId}{who} as {string.Join(",", caller.Roles.Order(StringComparer.Ordinal))}",
            });
        }
    }
}
