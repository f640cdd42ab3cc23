using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Telemetry;
using NetworkPlatform.Identity.Storage;

namespace NetworkPlatform.Identity;

/// <summary>
/// The issuer's own process: HTTP/1.1 on HTTP_PORT (browsers sign in there; no gRPC), BIND_ADDRESS as the services have it,
/// OpenTelemetry and JSON logs, and health for probes: /healthz/live (the process answers), /healthz/ready (its database).
/// </summary>
public static class IssuerHost
{
    public const int DefaultHttpPort = 8081;

    public static WebApplicationBuilder AddIssuerHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["ASPNETCORE_URLS"]))
            {
                kestrel.Listen(ServiceDefaults.BindAddress(configuration), configuration.GetValue("HTTP_PORT", DefaultHttpPort),
                    listen => listen.Protocols = HttpProtocols.Http1);
            }
        });
        builder.Services.AddPlatformTelemetry(IdentityModule.ServiceName);
        builder.Services.AddHealthChecks().AddCheck<DatabaseReachable>("identity-database", tags: ["ready"]);
        if (!string.Equals(configuration["Logging:Format"], "text", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddPlatformJsonLogs();
        }
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(25));
        return builder;
    }

    public static WebApplication MapIssuerHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    private sealed class DatabaseReachable(IdentityDbContext database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await database.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The identity database does not answer; check Storage__ConnectionString.");
    }
}
