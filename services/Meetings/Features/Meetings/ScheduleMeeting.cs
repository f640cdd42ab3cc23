using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Api;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Schedules a group's meeting with the agenda template of its kind and the group's open action items to follow up.</summary>
public sealed class ScheduleMeeting(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.ScheduleMeetingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Meeting ?? new Proto.Meeting();
        var kind = ProtoMapping.ToDomain(input.Kind);
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .OptionalId(request.MeetingId, "meeting_id")
            .NotEmpty(input.GroupId, "meeting.group_id", "group the meeting belongs to (partner meetings belong to the partner meeting body)")
            .Require(kind is not null, "meeting.kind", "Choose a kind: START_UP, INTERIM, REPORTING, PARTNER_MEETING, GROUP_LEADER_MEETING, WORKSHOP or OTHER.")
            .Require(input.StartTime is not null, "meeting.start_time", "Give the start time.")
            .Require(input.StartTime is null || (input.EndTime is not null && input.EndTime.ToDateTimeOffset() > input.StartTime.ToDateTimeOffset()),
                "meeting.end_time", "Give an end time after the start time.")
            .MaxLength("meeting.title", input.Title, 200)
            .TimeZone(input.TimeZone, "meeting.time_zone")
            .Require(IsLink(input.VideoLink), "meeting.video_link", "Give an absolute http(s) link, or leave it empty.")
            .MaxLength("request_id", request.RequestId, 100)
            .ThrowIfInvalid();

        await Access.EnsureOrganiserAsync(caller, request.NetworkId, input.GroupId, context.Groups, cancellationToken);
        var database = context.Database;
        if (request.RequestId.Length > 0
            && await database.Store.GetAsync(MeetingsCollections.Requests, request.NetworkId, RequestKey(request.RequestId), cancellationToken) is { } earlier)
        {
            return await database.GetMeetingAsync(request.NetworkId, earlier.Document.ResourceId, cancellationToken);
        }
        var group = await context.Groups.GetGroupAsync(request.NetworkId, input.GroupId, cancellationToken);
        var settings = await database.SettingsAsync(request.NetworkId, cancellationToken);
        var openActionItems = await database.OpenActionItemsAsync(request.NetworkId, group.GroupId, cancellationToken);
        var now = context.Now;
        var meeting = Meeting.Schedule(
            request.MeetingId.Length > 0 ? request.MeetingId : Ids.New("mtg"), request.NetworkId, group.GroupId,
            input.Title.Length > 0 ? input.Title : $"{Calendar.MeetingCalendar.KindName(kind!.Value).ToLowerInvariant()}: {group.Name}",
            kind!.Value, input.StartTime!.ToDateTimeOffset(), input.EndTime!.ToDateTimeOffset(),
            input.TimeZone.Length > 0 ? input.TimeZone : settings.TimeZone, input.Location, input.VideoLink,
            settings.TemplateFor(kind.Value), openActionItems, now, caller.Subject);

        await using var unitOfWork = await database.Store.BeginAsync(cancellationToken);
        long version;
        try
        {
            version = await unitOfWork.InsertAsync(MeetingsCollections.Meetings, request.NetworkId, meeting, cancellationToken);
        }
        catch (DuplicateDocumentException)
        {
            throw RpcErrors.AlreadyExists("meeting", $"networks/{request.NetworkId}/meetings/{meeting.Id}",
                $"Meeting '{meeting.Id}' already exists; choose another meeting_id or leave it empty.");
        }
        await KnownNetwork.RememberAsync(unitOfWork, request.NetworkId, cancellationToken);
        if (request.RequestId.Length > 0)
        {
            await unitOfWork.InsertAsync(MeetingsCollections.Requests, request.NetworkId, new RequestRecord(RequestKey(request.RequestId), meeting.Id), cancellationToken);
        }
        await unitOfWork.PublishAsync(new MeetingScheduled(MeetingsContext.NewEventId(), now, meeting.NetworkId, meeting.Id, version,
            meeting.Id, meeting.GroupId, meeting.Kind.ToString(), meeting.Title, meeting.Start, meeting.End, meeting.TimeZone, meeting.Location, meeting.VideoLink), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Meeting>(meeting, version);
    }

    public static bool IsLink(string value) =>
        value.Length == 0 || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");

    private static string RequestKey(string requestId) => $"schedule-meeting:{requestId}";
}
