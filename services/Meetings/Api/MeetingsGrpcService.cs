using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Microsoft.Extensions.DependencyInjection;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>networkplatform.meetings.v1.MeetingsService: authenticates the caller, runs the use case, maps the answer.</summary>
public sealed class MeetingsGrpcService(IServiceProvider services, MeetingsDatabase database) : Proto.MeetingsService.MeetingsServiceBase
{
    public override Task<Proto.Meeting> GetMeeting(Proto.GetMeetingRequest request, ServerCallContext context) => Meeting<GetMeeting>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.ListMeetingsResponse> ListMeetings(Proto.ListMeetingsRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
    {
        var (meetings, next) = await Feature<ListMeetings>().HandleAsync(request, context.GetCaller(), context.CancellationToken);
        var quorum = (await database.SettingsAsync(request.NetworkId, context.CancellationToken)).Quorum;
        var response = new Proto.ListMeetingsResponse { NextPageToken = next };
        response.Meetings.AddRange(meetings.Select(m => m.ToProto(quorum)));
        return response;
    });

    public override Task<Proto.Meeting> ScheduleMeeting(Proto.ScheduleMeetingRequest request, ServerCallContext context) => Meeting<ScheduleMeeting>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> UpdateMeeting(Proto.UpdateMeetingRequest request, ServerCallContext context) => Meeting<UpdateMeeting>(request.Meeting?.NetworkId ?? "", context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> RescheduleMeeting(Proto.RescheduleMeetingRequest request, ServerCallContext context) => Meeting<RescheduleMeeting>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> CancelMeeting(Proto.CancelMeetingRequest request, ServerCallContext context) => Meeting<CancelMeeting>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> AddAgendaItem(Proto.AddAgendaItemRequest request, ServerCallContext context) => Meeting<AddAgendaItem>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> UpdateAgendaItem(Proto.UpdateAgendaItemRequest request, ServerCallContext context) => Meeting<UpdateAgendaItem>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> RemoveAgendaItem(Proto.RemoveAgendaItemRequest request, ServerCallContext context) => Meeting<RemoveAgendaItem>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> ReorderAgenda(Proto.ReorderAgendaRequest request, ServerCallContext context) => Meeting<ReorderAgenda>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> SendInvitations(Proto.SendInvitationsRequest request, ServerCallContext context) => Meeting<SendInvitations>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> Rsvp(Proto.RsvpRequest request, ServerCallContext context) => Meeting<Rsvp>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> SendReminder(Proto.SendReminderRequest request, ServerCallContext context) => Meeting<SendReminder>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> RecordAttendance(Proto.RecordAttendanceRequest request, ServerCallContext context) => Meeting<RecordAttendance>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> RecordDecision(Proto.RecordDecisionRequest request, ServerCallContext context) => Meeting<RecordDecision>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> GenerateMinutesDraft(Proto.GenerateMinutesDraftRequest request, ServerCallContext context) => Meeting<GenerateMinutesDraft>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> UpdateMinutes(Proto.UpdateMinutesRequest request, ServerCallContext context) => Meeting<UpdateMinutes>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> ApproveMinutes(Proto.ApproveMinutesRequest request, ServerCallContext context) => Meeting<ApproveMinutes>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.Meeting> PublishMinutes(Proto.PublishMinutesRequest request, ServerCallContext context) => Meeting<PublishMinutes>(request.NetworkId, context, (f, c) => f.HandleAsync(request, c, context.CancellationToken));

    public override Task<Proto.ActionItem> CreateActionItem(Proto.CreateActionItemRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
        (await Feature<CreateActionItem>().HandleAsync(request, context.GetCaller(), context.CancellationToken)).ToProto());

    public override Task<Proto.ListActionItemsResponse> ListActionItems(Proto.ListActionItemsRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
    {
        var (items, next) = await Feature<ListActionItems>().HandleAsync(request, context.GetCaller(), context.CancellationToken);
        var response = new Proto.ListActionItemsResponse { NextPageToken = next };
        response.ActionItems.AddRange(items.Select(i => i.ToProto()));
        return response;
    });

    public override Task<Proto.ActionItem> CompleteActionItem(Proto.CompleteActionItemRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
        (await Feature<CompleteActionItem>().HandleAsync(request, context.GetCaller(), context.CancellationToken)).ToProto());

    public override Task<Proto.MeetingSettings> GetMeetingSettings(Proto.GetMeetingSettingsRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
        (await Feature<GetMeetingSettings>().HandleAsync(request, context.GetCaller(), context.CancellationToken)).ToProto(request.NetworkId));

    public override Task<Proto.MeetingSettings> UpdateMeetingSettings(Proto.UpdateMeetingSettingsRequest request, ServerCallContext context) => ErrorMapping.Run(async () =>
    {
        var updated = await Feature<UpdateMeetingSettings>().HandleAsync(request, context.GetCaller(), context.CancellationToken);
        return SettingsMapping.ToProto(updated.Document, updated.ETag);
    });

    private TFeature Feature<TFeature>() where TFeature : notnull => services.GetRequiredService<TFeature>();

    private Task<Proto.Meeting> Meeting<TFeature>(string networkId, ServerCallContext context, Func<TFeature, Caller, Task<Versioned<Domain.Meeting>>> handle)
        where TFeature : notnull => ErrorMapping.Run(async () =>
    {
        var meeting = await handle(Feature<TFeature>(), context.GetCaller());
        var quorum = (await database.SettingsAsync(networkId, context.CancellationToken)).Quorum;
        return meeting.ToProto(quorum);
    });
}
