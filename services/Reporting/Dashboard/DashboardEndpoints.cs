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
        // The page, its styles and its script hold no data: they are served without sign-in. Without a session the page goes to
        // /dashboard/signin (keeping its fragment), which signs the person in at the issuer and comes back to the page.
        app.MapGet("/", () => DashboardAssets.Serve(DashboardAssets.Page, "text/html; charset=utf-8"));
        app.MapGet("/dashboard/signin", () => Results.Redirect("/")).RequireSignIn(app);
        app.MapGet("/" + DashboardAssets.Styles, () => DashboardAssets.Serve(DashboardAssets.Styles, "text/css; charset=utf-8"));
        app.MapGet("/" + DashboardAssets.Script, () => DashboardAssets.Serve(DashboardAssets.Script, "text/javascript; charset=utf-8"));
        app.MapDashboardSession();
        return app;
    }
}
