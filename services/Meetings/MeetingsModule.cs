using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Hosting;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Consumers;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Bus;

namespace NetworkPlatform.Meetings;

/// <summary>
/// The meetings service as a module: <c>services.AddMeetings(configuration)</c> registers its use cases, its peer (the
/// groups service at Services:Groups) and the mail adapter; <c>app.MapMeetings()</c> serves its two gRPC services;
/// <c>bus.AddService(MeetingsModule.ServiceName, MeetingsModule.Events)</c> subscribes its event handlers. Storage
/// (<c>AddDocumentStore(..., "meetings")</c>) and the bus are the host's to register.
/// </summary>
public static class MeetingsModule
{
    public const string ServiceName = "meetings";

    public static IServiceCollection AddMeetings(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new MeetingsDatabase(ServiceStorage.DocumentStore(sp, ServiceName)));

        var groupsChannel = ServiceCalls.ChannelTo(configuration, "Groups");
        services.AddSingleton<IGroupDirectory>(sp => new GrpcGroupDirectory(
            new GroupsService.GroupsServiceClient(groupsChannel), sp.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()));

        var smtp = configuration.GetSection("Notifications:Smtp").Get<SmtpOptions>();
        if (smtp is { Host.Length: > 0 })
        {
            services.AddSingleton<INotificationSender>(new SmtpNotificationSender(smtp));
        }
        else
        {
            services.AddSingleton<INotificationSender, LoggingNotificationSender>();
        }

        services.AddSingleton<MeetingsContext>();
        foreach (var feature in typeof(MeetingsContext).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, Namespace: "NetworkPlatform.Meetings.Features" }
                     && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(MeetingsContext)))))
        {
            services.AddSingleton(feature);
        }
        services.AddSingleton<MeetingsGrpcService>();
        services.AddSingleton<PartnerCalendarGrpcService>();
        return services;
    }

    /// <summary>Serves MeetingsService and PartnerCalendarService, each with health that follows readiness.</summary>
    public static WebApplication MapMeetings(this WebApplication app) =>
        app.MapGrpcServiceWithHealth<MeetingsGrpcService>().MapGrpcServiceWithHealth<PartnerCalendarGrpcService>();

    /// <summary>What the meetings service reacts to: groups ending, participants coming and going, and its own notices to deliver.</summary>
    public static void Events(EventServiceBuilder events) =>
        events.AddHandler<CancelMeetingsOfEndedGroups>()
            .AddHandler<FollowGroupParticipants>()
            .AddHandler<DeliverNotices>();
}
