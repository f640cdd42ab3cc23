using System.Text.Json;
using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Grpc.Core;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Api;
using NetworkPlatform.Reporting.Features;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Reporting.Dashboard;

/// <summary>
/// The built-in web dashboard, on its own HTTP/1.1 port (browsers cannot speak h2c gRPC): one page, JSON of the same
/// figures the gRPC API serves, and a newline-delimited JSON stream of live events. Calls carry the same bearer tokens,
/// which the page gets from the signed-in session (<see cref="DashboardSignIn"/>).
/// </summary>
public static class DashboardEndpoints
{
    public const int DefaultPort = 8081;

    private static readonly JsonFormatter ProtoJson = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    public static WebApplicationBuilder AddDashboardEndpoint(this WebApplicationBuilder builder, int port)
    {
        builder.Services.AddSingleton(new DashboardPort(port));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(ServiceDefaults.BindAddress(builder.Configuration), port, listen => listen.Protocols = HttpProtocols.Http1));
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<DashboardPort>().Port;
        var host = $"*:{port}";
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8")).RequireHost(host).RequireSignIn(app);
        app.MapDashboardSession(host);
        app.MapGet("/api/networks/{networkId}/health", async (string networkId, int? year, HttpContext http, ReportingQueries queries, TimeProvider clock) =>
        {
            Authorise(http, networkId);
            var y = year ?? clock.GetUtcNow().Year;
            return Json(NetworkHealthReport.Compute(networkId, y, await queries.LoadAsync(networkId, y, http.RequestAborted), clock.GetUtcNow()));
        }).RequireHost(host).RequireAuthorization(PlatformAuthentication.CallerPolicy);
        app.MapGet("/api/networks/{networkId}/measures", async (string networkId, int? year, HttpContext http, ProgressReports progress, TimeProvider clock) =>
        {
            var caller = Authorise(http, networkId);
            return Json(await progress.GetProgressAsync(new GetMeasureProgressRequest { NetworkId = networkId, Year = year ?? clock.GetUtcNow().Year }, caller, http.RequestAborted));
        }).RequireHost(host).RequireAuthorization(PlatformAuthentication.CallerPolicy);
        app.MapGet("/api/networks/{networkId}/events", async (string networkId, HttpContext http, LiveFeed feed) =>
        {
            Authorise(http, networkId);
            // Subscribed before the "connected" line: a page that saw it misses no event published after.
            using var events = feed.Subscribe(networkId);
            http.Response.ContentType = "application/x-ndjson";
            http.Response.Headers.CacheControl = "no-cache";
            await http.Response.WriteAsync("{\"kind\":\"connected\"}\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            try
            {
                await foreach (var logged in events.Reader.ReadAllAsync(http.RequestAborted))
                {
                    var line = JsonSerializer.Serialize(new { kind = logged.Kind, aggregateId = logged.AggregateId, occurredAt = logged.OccurredAt });
                    await http.Response.WriteAsync(line + "\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
            catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
            {
                // The page went away.
            }
        }).RequireHost(host).RequireAuthorization(PlatformAuthentication.CallerPolicy);
        app.UseExceptionHandler(errors => errors.Run(async http =>
        {
            var error = http.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
            (http.Response.StatusCode, var message) = error is RpcException rpc
                ? (rpc.StatusCode switch
                {
                    StatusCode.Unauthenticated => 401,
                    StatusCode.PermissionDenied => 403,
                    StatusCode.InvalidArgument => 400,
                    StatusCode.NotFound => 404,
                    _ => 500,
                }, rpc.Status.Detail)
                : (500, "The dashboard failed to load this; the service log has the details.");
            await http.Response.WriteAsJsonAsync(new { error = message });
        }));
        return app;
    }

    private static Caller Authorise(HttpContext http, string networkId)
    {
        var caller = http.GetCaller();
        caller.EnsureNetwork(networkId);
        return caller;
    }

    private static IResult Json(IMessage message) => Results.Content(ProtoJson.Format(message), "application/json");

    private sealed record DashboardPort(int Port);
}
