using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Consumers;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.PersonalData;
using NetworkPlatform.Groups.Features.AnnualWheels;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Features.Lifecycle;
using NetworkPlatform.Groups.Features.Mandates;
using NetworkPlatform.Groups.Features.MeasurePolicies;
using NetworkPlatform.Groups.Features.Measures;
using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Groups.Features.Overviews;
using NetworkPlatform.Groups.Features.Participation;
using NetworkPlatform.Groups.Features.RoleAssignments;
using NetworkPlatform.Groups.Peers;
using NetworkPlatform.Groups.Seed;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Groups;

/// <summary>
/// The groups service as a module a host composes: its own database, the membership client, the gRPC services and
/// the event handlers. The distributed host (Program.cs) and the standalone host call the same three methods.
/// </summary>
public static class GroupsModule
{
    /// <summary>Service name: the key of its database, outbox and queues ("groups.&lt;handler&gt;").</summary>
    public const string ServiceName = "groups";

    /// <summary>Configuration key (Groups__SeedDemo=true): seed the demo groups on start when they are missing.</summary>
    public const string SeedDemoKey = "Groups:SeedDemo";

    /// <summary>
    /// Storage from the "Storage" section (one SQLite file or PostgreSQL database per service) and the membership service
    /// at Services:Membership (e.g. http://127.0.0.1:5101 or dns:///membership-headless...:8080).
    /// </summary>
    public static IServiceCollection AddGroups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration.GetSection("Storage"), ServiceName, GroupsCollections.All);
        services.TryAddSingleton(TimeProvider.System);
        // Checked at start-up: without the membership service nobody can join a group.
        services.AddPeerClient<RepresentativeService.RepresentativeServiceClient>(configuration, "Membership");
        services.AddPeerClient<PersonService.PersonServiceClient>(configuration, "Membership");
        services.AddPeerClient<OrganisationService.OrganisationServiceClient>(configuration, "Membership");
        services.AddNetworkCheck(configuration);
        services.AddKeyedSingleton<IMembershipDirectory>(ServiceName, (sp,
            _) => ActivatorUtilities.CreateInstance<MembershipGrpcDirectory>(sp));
        services.AddSingleton(sp => new GroupsContext(
            sp.GetRequiredKeyedService<IDocumentStore>(ServiceName),
            sp.GetRequiredKeyedService<IMembershipDirectory>(ServiceName),
            sp.GetRequiredService<TimeProvider>()));
        // Every use case of the Api, by name: the compiler checks this list, nothing is found by scanning. The consumers'
        // own (RecordElection, RecordMeasureStatus, RemoveFromGroups, AdmitApprovedParticipant) run inside the delivery's unit
        // (GroupsContext.Within).
        services.AddSingleton<GetGroup>().AddSingleton<ListGroups>().AddSingleton<CreateGroup>().AddSingleton<UpdateGroup>()
            .AddSingleton<ProposeGroup>();
        services.AddSingleton<ApproveMandate>().AddSingleton<ReviseMandate>();
        services.AddSingleton<ActivateGroup>().AddSingleton<ConcludeGroup>().AddSingleton<DissolveGroup>();
        services.AddSingleton<AssignRole>().AddSingleton<VacateRole>();
        services.AddSingleton<JoinGroup>().AddSingleton<ApproveJoinRequest>().AddSingleton<LeaveGroup>();
        services.AddSingleton<GetSecretariatOverview>().AddSingleton<GetOrganisationParticipation>().AddSingleton<ExportPersonalData>();
        services.AddSingleton<GetMeasure>().AddSingleton<ListMeasures>().AddSingleton<CreateMeasure>().AddSingleton<UpdateMeasure>()
            .AddSingleton<AssignMeasure>().AddSingleton<ReachMilestone>();
        services.AddSingleton<GetMeasurePolicy>().AddSingleton<SetMeasurePolicy>().AddSingleton<GetMeasurePolicyReport>();
        services.AddSingleton<GetAnnualWheel>().AddSingleton<UpdateAnnualWheel>();
        services.AddSingleton<GroupsApi>();
        services.AddSingleton<ActionPlanApi>();
        if (configuration.GetValue<bool>(SeedDemoKey))
        {
            // Registered after the storage's migration service, so the schema exists when it runs.
            services.AddHostedService<DemoSeedService>();
        }
        return services;
    }

    /// <summary>The groups service on the process's bus: its outbox relay and its inbox handlers.</summary>
    public static EventBusBuilder AddGroups(this EventBusBuilder bus) =>
        bus.AddService(ServiceName, events => events
            .AddHandler<MembershipEndedHandler>()
            .AddHandler<ParticipationApprovedHandler>()
            .AddHandler<MeetingDecisionsHandler>()
            .AddHandler<PersonErasedHandler>());

    /// <summary>Serves networkplatform.groups.v1.GroupsService and ActionPlanService, each SERVING while the database is ready.</summary>
    public static WebApplication MapGroups(this WebApplication app) =>
        app.MapGrpcServiceWithHealth<GroupsApi>().MapGrpcServiceWithHealth<ActionPlanApi>();
}
