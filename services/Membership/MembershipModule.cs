using NetworkPlatform.Application.Pipeline;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Hosting;
using NetworkPlatform.Membership.Api;
using NetworkPlatform.Membership.Consumers;
using NetworkPlatform.Membership.Features;
using NetworkPlatform.Membership.Features.Directory;
using NetworkPlatform.Membership.Features.Networks;
using NetworkPlatform.Membership.Features.Organisations;
using NetworkPlatform.Membership.Features.Participation;
using NetworkPlatform.Membership.Features.PersonalData;
using NetworkPlatform.Membership.Features.Persons;
using NetworkPlatform.Membership.Features.Representatives;
using NetworkPlatform.Membership.Seed;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Membership;

/// <summary>
/// The membership service as a module, for its own process (Program.cs) and for the standalone host:
/// <code>
/// builder.AddServiceDefaults(MembershipModule.ServiceName);   // gRPC server, authentication, telemetry, readiness
/// builder.Services.AddMembership(builder.Configuration);      // its own database (Storage section), use cases, API classes
/// app.MapMembership();                                        // its six gRPC services, with health
/// </code>
/// The host adds the event bus (<c>bus.AddMembership()</c>), because one process may host several services sharing it.
/// </summary>
public static class MembershipModule
{
    public const string ServiceName = "membership";

    /// <summary>Configuration key (Membership__SeedDemo=true): seed the demo networks on start when they are missing.</summary>
    public const string SeedDemoKey = "Membership:SeedDemo";

    public static IServiceCollection AddMembership(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration.GetSection("Storage"), ServiceName, MembershipCollections.All);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp =>
            new MembershipContext(sp.GetRequiredKeyedService<IDocumentStore>(ServiceName), sp.GetRequiredService<TimeProvider>()));
        // Requests of a network that was never created are NOT_FOUND before their use case runs. Added, not tried: in one
        // process with the other services (standalone) this check serves them all (theirs would call membership, and
        // membership's own calls would call themselves).
        services.AddSingleton<INetworkCheck>(sp => new StoredNetworks(sp.GetRequiredKeyedService<IDocumentStore>(ServiceName)));
        // Every use case, by name: the compiler checks this list, nothing is found by scanning.
        services.AddSingleton<GetNetwork>().AddSingleton<CreateNetwork>().AddSingleton<UpdateNetwork>()
            .AddSingleton<ListNetworkRelations>();
        services.AddSingleton<GetOrganisation>().AddSingleton<ListOrganisations>().AddSingleton<CreateOrganisation>()
            .AddSingleton<UpdateOrganisation>().AddSingleton<ApplyForMembership>().AddSingleton<ApproveMembership>()
            .AddSingleton<SuspendMembership>().AddSingleton<ReinstateMembership>().AddSingleton<ResignMembership>()
            .AddSingleton<ListMembershipHistory>();
        services.AddSingleton<GetPerson>().AddSingleton<ListPersons>().AddSingleton<CreatePerson>().AddSingleton<UpdatePerson>()
            .AddSingleton<ExportPersonalData>().AddSingleton<ErasePerson>();
        services.AddSingleton<GetRepresentative>().AddSingleton<ListRepresentatives>().AddSingleton<AppointRepresentative>()
            .AddSingleton<UpdateRepresentative>().AddSingleton<WithdrawRepresentative>().AddSingleton<ReplaceRepresentative>()
            .AddSingleton<CheckRepresentative>();
        services.AddSingleton<GetParticipationRequest>().AddSingleton<ListParticipationRequests>().AddSingleton<RequestParticipation>()
            .AddSingleton<ForwardParticipationRequest>().AddSingleton<AnswerParticipationRequest>();
        services.AddSingleton<SearchDirectory>().AddSingleton<ExportDirectory>();
        services.AddSingleton<NetworkApi>();
        services.AddSingleton<OrganisationApi>();
        services.AddSingleton<PersonApi>();
        services.AddSingleton<RepresentativeApi>();
        services.AddSingleton<ParticipationApi>();
        services.AddSingleton<DirectoryApi>();
        if (configuration.GetValue<bool>(SeedDemoKey))
        {
            // Registered after the storage's migration service, so the schema exists when it runs.
            services.AddHostedService<DemoSeedService>();
        }
        return services;
    }

    /// <summary>
    /// The membership service on the process's bus: its outbox relay, and the groups' participants it copies (who leads whom).
    /// </summary>
    public static EventBusBuilder AddMembership(this EventBusBuilder bus) =>
        bus.AddService(ServiceName, events => events.AddHandler<GroupParticipationHandler>());

    /// <summary>Serves the six services; each is SERVING in grpc.health.v1 while the readiness checks (database, bus) pass.</summary>
    public static WebApplication MapMembership(this WebApplication app) => app
        .MapGrpcServiceWithHealth<NetworkApi>()
        .MapGrpcServiceWithHealth<OrganisationApi>()
        .MapGrpcServiceWithHealth<PersonApi>()
        .MapGrpcServiceWithHealth<RepresentativeApi>()
        .MapGrpcServiceWithHealth<ParticipationApi>()
        .MapGrpcServiceWithHealth<DirectoryApi>();
}
