namespace NetworkPlatform.Reporting.Dashboard;

/// <summary>
/// The built-in web dashboard on the service's HTTP/1.1 port (HTTP_PORT): one page that reads the figures from the JSON API
/// (GET /v1/networks/{network_id}/health and /measureProgress, transcoded from the gRPC methods) and follows the network's
/// events over gRPC-Web (ReportingService.WatchEvents). Its calls carry the bearer token the page gets from the signed-in
/// session (<see cref="DashboardSignIn"/>), never from an address.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8")).RequireSignIn(app);
        app.MapDashboardSession();
        return app;
    }
}
