namespace NetworkPlatform.Reporting.Dashboard;

/// <summary>
/// The built-in web dashboard on the service's HTTP/1.1 port (HTTP_PORT): one page (Dashboard/web) that reads the public JSON
/// API (transcoded from the gRPC methods: reporting's figures and money, groups' and membership's names, meetings' paged
/// lists) and follows the network's events over gRPC-Web (ReportingService.WatchEvents). Its calls carry the bearer token
/// the page gets from the signed-in session (<see cref="DashboardSignIn"/>), never from an address.
/// </summary>
public static class DashboardEndpoints
{
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.MapGet("/", () => DashboardAssets.Serve(DashboardAssets.Page, "text/html; charset=utf-8")).RequireSignIn(app);
        // The styles and the script hold no data: they are served without sign-in.
        app.MapGet("/" + DashboardAssets.Styles, () => DashboardAssets.Serve(DashboardAssets.Styles, "text/css; charset=utf-8"));
        app.MapGet("/" + DashboardAssets.Script, () => DashboardAssets.Serve(DashboardAssets.Script, "text/javascript; charset=utf-8"));
        app.MapDashboardSession();
        return app;
    }
}
