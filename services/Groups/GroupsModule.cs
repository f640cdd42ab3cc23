using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Grpc;
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Consumers;
using NetworkPlatform.Groups.Features;
using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Groups.Peers;
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

    /// <summary>
    /// Storage from the "Storage" section (one SQLite file or PostgreSQL database per service) and the membership service
    /// at Services:Membership (e.g. http://127.0.0.1:5101 or dns:///membership-headless...:8080).
    /// </summary>
    public static IServiceCollection AddGroups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration.GetSection("Storage"), ServiceName);
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        var membershipAddress = configuration["Services:Membership"];
        if (string.IsNullOrWhiteSpace(membershipAddress))
        {
            throw new InvalidOperationException(
                "Services__Membership is not set: the groups service checks representatives with the membership service; set it, e.g. http://127.0.0.1:5101.");
        }
        services.AddKeyedSingleton<GrpcChannel>(ServiceName, (_, _) => GrpcChannel.ForAddress(membershipAddress));
        services.AddKeyedSingleton<IMembershipDirectory>(ServiceName, (sp, _) =>
            new MembershipGrpcDirectory(sp.GetRequiredKeyedService<GrpcChannel>(ServiceName), sp.GetRequiredService<IHttpContextAccessor>()));
        services.AddSingleton(sp => new GroupsContext(
            sp.GetRequiredKeyedService<IDocumentStore>(ServiceName),
            sp.GetRequiredKeyedService<IMembershipDirectory>(ServiceName),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<GroupsApi>();
        services.AddSingleton<ActionPlanApi>();
        return services;
    }

    /// <summary>The groups service on the process's bus: its outbox relay and its inbox handlers.</summary>
    public static EventBusBuilder AddGroups(this EventBusBuilder bus) =>
        bus.AddService(ServiceName, events => events
            .AddHandler<MembershipEndedHandler>()
            .AddHandler<MeetingDecisionsHandler>());

    /// <summary>Serves networkplatform.groups.v1.GroupsService and ActionPlanService.</summary>
    public static IApplicationBuilder MapGroups(this IApplicationBuilder app) =>
        app.MapGrpcService<GroupsApi>().MapGrpcService<ActionPlanApi>();
}
