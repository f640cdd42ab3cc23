using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting.Api;
using NetworkPlatform.Reporting.Features;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Reporting;

/// <summary>
/// The reporting service as a module, for its own process (Program.cs) and for the standalone host:
/// <code>
/// services.AddReporting(configuration);                                   // its own database, features, live feed
/// bus.AddService(ReportingModule.ServiceName, ReportingModule.AddEventHandlers);   // the other services' events
/// app.MapReporting();                                                     // gRPC, and the dashboard on its HTTP port
/// </code>
/// </summary>
public static class ReportingModule
{
    public const string ServiceName = "reporting";

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration.GetSection("Storage"), ServiceName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LiveFeed>();
        services.AddSingleton(sp => new ReportingCommands(Store(sp), sp.GetRequiredService<LiveFeed>()));
        services.AddSingleton(sp => new ReportingQueries(Store(sp)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ProgressReports>(sp, Store(sp)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Indicators>(sp, Store(sp)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<Money>(sp, Store(sp)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<RebuildProjections>(sp, Store(sp)));
        services.AddSingleton<Learning>();
        services.AddSingleton<AnnualReports>();
        services.AddSingleton<ReportingGrpcService>();
        return services;
    }

    public static void AddEventHandlers(EventServiceBuilder events) => events.AddHandler<ReportingEventHandler>();

    public static IApplicationBuilder MapReporting(this IApplicationBuilder app) => app.MapGrpcService<ReportingGrpcService>();

    private static IDocumentStore Store(IServiceProvider services) => services.GetRequiredKeyedService<IDocumentStore>(ServiceName);
}
