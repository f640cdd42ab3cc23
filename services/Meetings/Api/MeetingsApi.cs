using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>networkplatform.meetings.v1.MeetingsService: each call is its use case on the pipeline (the caller from the token).</summary>
public sealed class MeetingsApi(
    GetMeeting getMeeting, ListMeetings listMeetings, ScheduleMeeting scheduleMeeting, UpdateMeeting updateMeeting,
    RescheduleMeeting rescheduleMeeting, CancelMeeting cancelMeeting, AddAgendaItem addAgendaItem, UpdateAgendaItem updateAgendaItem,
    RemoveAgendaItem removeAgendaItem, ReorderAgenda reorderAgenda, SendInvitations sendInvitations, Rsvp rsvp, SendReminder sendReminder,
    RecordAttendance recordAttendance, RecordDecision recordDecision, GenerateMinutesDraft generateMinutesDraft,
        UpdateMinutes updateMinutes,
    ApproveMinutes approveMinutes, PublishMinutes publishMinutes, CreateActionItem createActionItem, ListActionItems listActionItems,
    CompleteActionItem completeActionItem, GetMeetingSettings getMeetingSettings, UpdateMeetingSettings updateMeetingSettings,
    ExportPersonalData exportPersonalData)
    : Proto.MeetingsService.MeetingsServiceBase
{
    public override Task<Proto.Meeting> GetMeeting(Proto.GetMeetingRequest request, ServerCallContext context) =>
        context.RunAsync(getMeeting, MeetingsMapping.ToQuery(request), MeetingsMapping.ToProto);

    public override Task<Proto.ListMeetingsResponse> ListMeetings(Proto.ListMeetingsRequest request, ServerCallContext context) =>
        context.RunAsync(listMeetings, MeetingsMapping.ToQuery(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> ScheduleMeeting(Proto.ScheduleMeetingRequest request, ServerCallContext context) =>
        context.RunAsync(scheduleMeeting, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> UpdateMeeting(Proto.UpdateMeetingRequest request, ServerCallContext context) =>
        context.RunAsync(updateMeeting, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> RescheduleMeeting(Proto.RescheduleMeetingRequest request, ServerCallContext context) =>
        context.RunAsync(rescheduleMeeting, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> CancelMeeting(Proto.CancelMeetingRequest request, ServerCallContext context) =>
        context.RunAsync(cancelMeeting, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> AddAgendaItem(Proto.AddAgendaItemRequest request, ServerCallContext context) =>
        context.RunAsync(addAgendaItem, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> UpdateAgendaItem(Proto.UpdateAgendaItemRequest request, ServerCallContext context) =>
        context.RunAsync(updateAgendaItem, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> RemoveAgendaItem(Proto.RemoveAgendaItemRequest request, ServerCallContext context) =>
        context.RunAsync(removeAgendaItem, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> ReorderAgenda(Proto.ReorderAgendaRequest request, ServerCallContext context) =>
        context.RunAsync(reorderAgenda, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> SendInvitations(Proto.SendInvitationsRequest request, ServerCallContext context) =>
        context.RunAsync(sendInvitations, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> Rsvp(Proto.RsvpRequest request, ServerCallContext context) =>
        context.RunAsync(rsvp, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> SendReminder(Proto.SendReminderRequest request, ServerCallContext context) =>
        context.RunAsync(sendReminder, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> RecordAttendance(Proto.RecordAttendanceRequest request, ServerCallContext context) =>
        context.RunAsync(recordAttendance, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> RecordDecision(Proto.RecordDecisionRequest request, ServerCallContext context) =>
        context.RunAsync(recordDecision, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> GenerateMinutesDraft(Proto.GenerateMinutesDraftRequest request, ServerCallContext context) =>
        context.RunAsync(generateMinutesDraft, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> UpdateMinutes(Proto.UpdateMinutesRequest request, ServerCallContext context) =>
        context.RunAsync(updateMinutes, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> ApproveMinutes(Proto.ApproveMinutesRequest request, ServerCallContext context) =>
        context.RunAsync(approveMinutes, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.Meeting> PublishMinutes(Proto.PublishMinutesRequest request, ServerCallContext context) =>
        context.RunAsync(publishMinutes, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.ActionItem> CreateActionItem(Proto.CreateActionItemRequest request, ServerCallContext context) =>
        context.RunAsync(createActionItem, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.ListActionItemsResponse> ListActionItems(Proto.ListActionItemsRequest request, ServerCallContext context) =>
        context.RunAsync(listActionItems, MeetingsMapping.ToQuery(request), MeetingsMapping.ToProto);

    public override Task<Proto.ActionItem> CompleteActionItem(Proto.CompleteActionItemRequest request, ServerCallContext context) =>
        context.RunAsync(completeActionItem, MeetingsMapping.ToCommand(request), MeetingsMapping.ToProto);

    public override Task<Proto.MeetingSettings> GetMeetingSettings(Proto.GetMeetingSettingsRequest request, ServerCallContext context) =>
        context.RunAsync(getMeetingSettings, SettingsMapping.ToQuery(request), SettingsMapping.ToProto);

    public override Task<Proto.MeetingSettings> UpdateMeetingSettings(Proto.UpdateMeetingSettingsRequest request,
        ServerCallContext context) =>
        context.RunAsync(updateMeetingSettings, SettingsMapping.ToCommand(request), SettingsMapping.ToProto);

    public override Task<NetworkPlatform.Privacy.V1.PersonalDataSection> ExportPersonalData(
        NetworkPlatform.Privacy.V1.ExportPersonalDataRequest request, ServerCallContext context) =>
        context.RunAsync(exportPersonalData, PersonalDataMapping.ToQuery(request), PersonalDataMapping.ToProto);
}
