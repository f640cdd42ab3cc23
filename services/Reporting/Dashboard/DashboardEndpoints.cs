namespace NetworkPlatform.Reporting.Dashboard;

/// <summary>
/// The built-in web dashboard on the service's HTTP/1.1 port (HTTP_PORT): one page that reads the figures from the JSON API
/// (GET /v1/networks/{network_id}/health and /measureProgress, transcoded from the gRPC methods) and follows the network's
/// events over gRPC-Web (ReportingService.WatchEvents). Its calls carry the bearer token from the page's address.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        return app;
    }
}
