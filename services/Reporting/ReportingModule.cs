using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting.Api;
using NetworkPlatform.Reporting.Dashboard;
using NetworkPlatform.Reporting.Features;
using NetworkPlatform.Reporting.Features.Indicators;
using NetworkPlatform.Reporting.Features.Learning;
using NetworkPlatform.Reporting.Features.Live;
using NetworkPlatform.Reporting.Features.Money;
using NetworkPlatform.Reporting.Features.Operations;
using NetworkPlatform.Reporting.Features.PersonalData;
using NetworkPlatform.Reporting.Features.Progress;
using NetworkPlatform.Reporting.Features.Reports;
using NetworkPlatform.Reporting.Peers;
using NetworkPlatform.Reporting.Consumers;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Reporting;

/// <summary>
/// The reporting service as a module, for its own process (Program.cs) and for the standalone host:
/// <code>
/// services.AddReporting(configuration);        // its own database, features, live feed
/// bus.AddReporting();                          // the other services' events, logged and projected
/// app.MapReporting();                          // gRPC, JSON and gRPC-Web (health follows readiness), the dashboard page
/// </code>
/// </summary>
public static class ReportingModule
{
    public const string ServiceName = "reporting";

    public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration.GetSection("Storage"), ServiceName, ReportingCollections.All);
        services.TryAddSingleton(TimeProvider.System);
        // Commands and reads of a network that was never created get NOT_FOUND (the membership service at Services:Membership).
        services.AddNetworkCheck(configuration);
        services.AddSingleton<LiveFeed>();
        services.AddSingleton(sp => new ReportingContext(Store(sp), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<LiveFeed>()));
        services.AddSingleton(sp => new ReportingQueries(Store(sp)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ProjectionRebuild>(sp, Store(sp)));
        services.AddSingleton<SubmitProgressReport>().AddSingleton<ListProgressReports>().AddSingleton<GetMeasureProgress>();
        services.AddSingleton<CreateIndicator>().AddSingleton<RecordIndicatorValue>().AddSingleton<ListIndicators>();
        services.AddSingleton<SetBaseGrant>().AddSingleton<SubmitFundApplication>().AddSingleton<DecideFundApplication>()
            .AddSingleton<RecordExpense>().AddSingleton<SignOffAccounts>().AddSingleton<GetGroupAccounts>();
        services.AddSingleton<LogLearningActivity>().AddSingleton<SummariseLearning>();
        services.AddSingleton<GetAnnualReport>().AddSingleton<GetNetworkHealth>().AddSingleton<ListGroupMeetingFacts>();
        services.AddSingleton<WatchEvents>().AddSingleton<ReadEvents>().AddSingleton<WatchNetworkHealth>()
            .AddSingleton<ListRecentEvents>();
        services.AddSingleton<RebuildProjections>();
        services.AddPeerClient<PersonService.PersonServiceClient>(configuration, "Membership");
        services.AddPeerClient<GroupsService.GroupsServiceClient>(configuration, "Groups");
        services.AddPeerClient<MeetingsService.MeetingsServiceClient>(configuration, "Meetings");
        services.AddSingleton<IPeerPersonalData>(sp => ActivatorUtilities.CreateInstance<GrpcPeerPersonalData>(sp));
        services.AddSingleton<ExportPersonalData>();
        services.AddSingleton<ReportingApi>();
        services.AddDashboardSignIn(configuration);
        return services;
    }

    /// <summary>
    /// The other services' events: projected once across the replicas (a shared durable queue), and seen by every
    /// replica's live feeds (a temporary queue per process).
    /// </summary>
    public static EventBusBuilder AddReporting(this EventBusBuilder bus) =>
        bus.AddService(ServiceName, events => events
            .AddHandler<ReportingEventHandler>(ReportingEventHandler.EventTypes)
            .AddHandler<ApplyFundDecisions>()
            .AddListener<LiveFeedListener>(LiveFeedListener.EventTypes));

    public static WebApplication MapReporting(this WebApplication app) =>
        app.MapGrpcServiceWithHealth<ReportingApi>().MapDashboard().MapPersonalDataDownload();

    private static IDocumentStore Store(IServiceProvider services) =>
        services.GetRequiredKeyedService<IDocumentStore>(ServiceName);
}
