using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Application;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Storage;
using MeasureStatus = NetworkPlatform.Common.V1.MeasureStatus;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Api;

/// <summary>networkplatform.meetings.v1.MeetingsService requests -&gt; the use cases' records, and their results -&gt; proto.</summary>
internal static class MeetingsMapping
{
    public static GetMeetingQuery ToQuery(Proto.GetMeetingRequest r) => new(r.NetworkId, r.MeetingId);

    public static ListMeetingsQuery ToQuery(Proto.ListMeetingsRequest r) => new(r.NetworkId, r.GroupId, ProtoMapping.ToDomain(r.Kind),
        ProtoMapping.ToDomain(r.Status), Time(r.StartTime), Time(r.EndTime), r.PageSize, r.PageToken);

    public static ScheduleMeetingCommand ToCommand(Proto.ScheduleMeetingRequest r)
    {
        var m = r.Meeting ?? new Proto.Meeting();
        return new(r.NetworkId, r.MeetingId, r.RequestId, m.GroupId, ProtoMapping.ToDomain(m.Kind), m.Title, Time(m.StartTime),
            Time(m.EndTime),
            m.TimeZone, m.Location, m.VideoLink);
    }

    public static UpdateMeetingCommand ToCommand(Proto.UpdateMeetingRequest r)
    {
        var m = r.Meeting ?? new Proto.Meeting();
        return new(m.NetworkId, m.MeetingId, m.Etag, Paths(r.UpdateMask), m.Title, m.Location, m.VideoLink);
    }

    public static RescheduleMeetingCommand ToCommand(Proto.RescheduleMeetingRequest r) =>
        new(r.NetworkId, r.MeetingId, r.Etag, Time(r.StartTime), Time(r.EndTime), r.TimeZone, r.Reason);

    public static CancelMeetingCommand ToCommand(Proto.CancelMeetingRequest r) => new(r.NetworkId, r.MeetingId, r.Etag, r.Reason);

    public static AddAgendaItemCommand ToCommand(Proto.AddAgendaItemRequest r)
    {
        var item = r.Item ?? new Proto.AgendaItem();
        return new(r.NetworkId, r.MeetingId, r.Etag, item.Title, item.Description, item.DurationMinutes, [.. item.MeasureIds],
            r.HasPosition ? r.Position : null);
    }

    public static UpdateAgendaItemCommand ToCommand(Proto.UpdateAgendaItemRequest r)
    {
        var item = r.Item ?? new Proto.AgendaItem();
        return new(r.NetworkId, r.MeetingId, r.Etag, item.ItemId, Paths(r.UpdateMask), item.Title, item.Description, item.DurationMinutes,
            [.. item.MeasureIds]);
    }

    public static RemoveAgendaItemCommand ToCommand(Proto.RemoveAgendaItemRequest r) => new(r.NetworkId, r.MeetingId, r.Etag, r.ItemId);

    public static ReorderAgendaCommand ToCommand(Proto.ReorderAgendaRequest r) => new(r.NetworkId, r.MeetingId, r.Etag, [.. r.ItemIds]);

    public static SendInvitationsCommand ToCommand(Proto.SendInvitationsRequest r) => new(r.NetworkId, r.MeetingId, r.Etag, r.Message);

    public static RsvpCommand ToCommand(Proto.RsvpRequest r) =>
        new(r.NetworkId, r.MeetingId, r.PersonId, ProtoMapping.ToDomain(r.Answer), r.Comment);

    public static SendReminderCommand ToCommand(Proto.SendReminderRequest r) => new(r.NetworkId, r.MeetingId);

    public static RecordAttendanceCommand ToCommand(Proto.RecordAttendanceRequest r) => new(r.NetworkId, r.MeetingId, r.Etag,
        [.. r.Entries.Select(e => new AttendanceInput(e.PersonId, e.DisplayName, ProtoMapping.ToDomain(e.Status)))]);

    public static RecordDecisionCommand ToCommand(Proto.RecordDecisionRequest r)
    {
        var d = r.Decision ?? new Proto.Decision();
        // The enum when set; else the word of the field it replaced (an unknown number stays a name Validate refuses).
        var status = d.MeasureStatus == MeasureStatus.Unspecified ? d.MeasureStatusName
            : d.MeasureStatus.ToMeasureStatus()?.ToString() ?? d.MeasureStatus.ToString();
        return new(r.NetworkId, r.MeetingId, r.Etag, ProtoMapping.ToDomain(d.Kind), d.Text, d.PersonId, d.MeasureId, status, d.Amount,
            d.AgendaItemId, d.FundApplicationId);
    }

    public static GenerateMinutesDraftCommand ToCommand(Proto.GenerateMinutesDraftRequest r) => new(r.NetworkId, r.MeetingId, r.Etag);

    public static UpdateMinutesCommand ToCommand(Proto.UpdateMinutesRequest r) => new(r.NetworkId, r.MeetingId, r.Etag, r.Text);

    public static ApproveMinutesCommand ToCommand(Proto.ApproveMinutesRequest r) => new(r.NetworkId, r.MeetingId, r.Etag);

    public static PublishMinutesCommand ToCommand(Proto.PublishMinutesRequest r) => new(r.NetworkId, r.MeetingId, r.Etag,
        r.BackfilledPublishTime?.ToDateTimeOffset());

    public static CreateActionItemCommand ToCommand(Proto.CreateActionItemRequest r)
    {
        var a = r.ActionItem ?? new Proto.ActionItem();
        return new(r.NetworkId, r.MeetingId, r.RequestId, a.Title, a.OwnerPersonId, a.OwnerDisplayName, a.DueDate);
    }

    public static ListActionItemsQuery ToQuery(Proto.ListActionItemsRequest r) =>
        new(r.NetworkId, r.GroupId, r.MeetingId, r.OwnerPersonId, r.OpenOnly, r.PageSize, r.PageToken);

    public static CompleteActionItemCommand ToCommand(Proto.CompleteActionItemRequest r) => new(r.NetworkId, r.ActionItemId, r.Etag);

    public static Proto.Meeting ToProto(MeetingView view, Caller caller) => view.Meeting.ToProto(view.Quorum, caller);

    public static Proto.ListMeetingsResponse ToProto(MeetingPage page, Caller caller)
    {
        var response = new Proto.ListMeetingsResponse { NextPageToken = page.Page.NextPageToken ?? "" };
        response.Meetings.AddRange(page.Page.Items.Select(m => m.ToProto(page.Quorum, caller)));
        return response;
    }

    public static Proto.ListActionItemsResponse ToProto(Page<ActionItem> page)
    {
        var response = new Proto.ListActionItemsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.ActionItems.AddRange(page.Items.Select(i => i.ToProto()));
        return response;
    }

    public static Proto.ActionItem ToProto(Versioned<ActionItem> item) => item.ToProto();

    public static DateTimeOffset? Time(Timestamp? timestamp) => timestamp?.ToDateTimeOffset();

    private static IReadOnlyList<string> Paths(FieldMask? mask) => [.. mask?.Paths ?? []];
}
