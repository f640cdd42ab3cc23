using NetworkPlatform.Hosting.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Peers;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Consumers;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Meetings;

/// <summary>
/// The meetings service as a module a host composes (the distributed Program.cs and the standalone host call the same
/// three methods): <c>services.AddMeetings(configuration)</c> registers its database, its peer (the groups service at
/// Services:Groups), the mail adapter and its use cases; <c>bus.AddMeetings()</c> its outbox relay and event handlers;
/// <c>app.MapMeetings()</c> its two gRPC services.
/// </summary>
public static class MeetingsModule
{
    public const string ServiceName = "meetings";

    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDocumentStore(configuration.GetSection("Storage"), ServiceName, MeetingsCollections.All);
        services.TryAddSingleton(TimeProvider.System);

        services.AddPeerClient<GroupsService.GroupsServiceClient>(configuration, "Groups");
        services.AddPeerClient<ActionPlanService.ActionPlanServiceClient>(configuration, "Groups");
        services.AddNetworkCheck(configuration);
        services.AddSingleton<IGroupDirectory>(sp => new GrpcGroupDirectory(
            sp.GetRequiredService<GroupsService.GroupsServiceClient>(), sp.GetRequiredService<ActionPlanService.ActionPlanServiceClient>(),
                sp.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(),
            identity: sp.GetService<ServiceIdentity>()));

        var smtp = configuration.GetSection("Notifications:Smtp").Get<SmtpOptions>();
        if (smtp is { Host.Length: > 0 })
        {
            services.AddSingleton<INotificationSender>(new SmtpNotificationSender(smtp));
        }
        else
        {
            services.AddSingleton<INotificationSender, LoggingNotificationSender>();
        }

        services.AddSingleton<INetworkLanguages>(sp => new GrpcNetworkLanguages(
            sp.GetRequiredService<NetworkPlatform.Membership.V1.NetworkService.NetworkServiceClient>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(), identity: sp.GetService<ServiceIdentity>(),
            logger: sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<GrpcNetworkLanguages>>()));
        services.AddSingleton(sp => new MeetingsContext(ServiceStorage.DocumentStore(sp, ServiceName),
            sp.GetRequiredService<IGroupDirectory>(), sp.GetRequiredService<INetworkLanguages>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<MeetingsContext>().Database);
        // Every use case, by name: the compiler checks this list, nothing is found by scanning.
        services.AddSingleton<GetMeeting>().AddSingleton<ListMeetings>().AddSingleton<ScheduleMeeting>().AddSingleton<UpdateMeeting>()
            .AddSingleton<RescheduleMeeting>().AddSingleton<CancelMeeting>();
        services.AddSingleton<AddAgendaItem>().AddSingleton<UpdateAgendaItem>().AddSingleton<RemoveAgendaItem>()
            .AddSingleton<ReorderAgenda>();
        services.AddSingleton<SendInvitations>().AddSingleton<Rsvp>().AddSingleton<SendReminder>();
        services.AddSingleton<RecordAttendance>().AddSingleton<RecordDecision>().AddSingleton<GenerateMinutesDraft>()
            .AddSingleton<UpdateMinutes>().AddSingleton<ApproveMinutes>().AddSingleton<PublishMinutes>();
        services.AddSingleton<CreateActionItem>().AddSingleton<ListActionItems>().AddSingleton<CompleteActionItem>();
        services.AddSingleton<GetMeetingSettings>().AddSingleton<UpdateMeetingSettings>().AddSingleton<ExportPersonalData>();
        services.AddSingleton<ListCalendarEntries>().AddSingleton<GetCalendarFeed>().AddSingleton<CreateDeadline>()
            .AddSingleton<DeleteDeadline>();
        services.AddSingleton<GetCadenceCompliance>().AddSingleton<CheckCadence>();
        services.AddHostedService<ReminderSweep>();
        services.AddSingleton<MeetingsApi>();
        services.AddSingleton<PartnerCalendarApi>();
        return services;
    }

    /// <summary>Serves MeetingsService and PartnerCalendarService, each with health that follows readiness.</summary>
    public static WebApplication MapMeetings(this WebApplication app) =>
        app.MapGrpcServiceWithHealth<MeetingsApi>().MapGrpcServiceWithHealth<PartnerCalendarApi>();

    /// <summary>
    /// The meetings service on the process's bus. It reacts to groups ending, participants coming and going, and delivers its
    /// own notices.
    /// </summary>
    public static EventBusBuilder AddMeetings(this EventBusBuilder bus) =>
        bus.AddService(ServiceName, events => events
            .AddHandler<CancelMeetingsOfEndedGroups>()
            .AddHandler<FollowGroupParticipants>()
            .AddHandler<FollowFundApplications>()
            .AddHandler<PersonErasedHandler>()
            .AddHandler<DeliverNotices>(InboxTransactions.PerMessage)); // Mail sent for a group that then rolls back would go twice.
}
