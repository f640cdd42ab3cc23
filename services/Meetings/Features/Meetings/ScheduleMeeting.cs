using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Calendar;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <param name="MeetingId">An id the caller chooses, or empty to get one generated.</param>
/// <param name="Title">Empty: the kind and the group's name.</param>
/// <param name="TimeZone">Empty: the network's time zone.</param>
public sealed record ScheduleMeetingCommand(string NetworkId, string MeetingId, string RequestId, string GroupId, MeetingKind? Kind,
    string Title,
    DateTimeOffset? StartTime, DateTimeOffset? EndTime, string TimeZone, string Location, string VideoLink) : INetworkRequest;

/// <summary>Schedules a group's meeting with the agenda template of its kind and the group's open action items to follow up.</summary>
public sealed class ScheduleMeeting(MeetingsContext context) : IUseCase<ScheduleMeetingCommand, MeetingView>
{
    // A group leader may schedule only for a group they lead: checked against the groups service in HandleAsync.
    public void Authorize(ScheduleMeetingCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(ScheduleMeetingCommand command, Violations violations) => violations
        .OptionalId(command.MeetingId, "meeting_id")
        .NotEmpty(command.GroupId, "meeting.group_id", "group the meeting belongs to (partner meetings belong to the partner meeting body)")
        .Require(command.Kind is not null, "meeting.kind",
            "Choose a kind: START_UP, INTERIM, REPORTING, PARTNER_MEETING, GROUP_LEADER_MEETING, WORKSHOP or OTHER.")
        .Require(command.StartTime is not null, "meeting.start_time", "Give the start time.")
        .Require(command.StartTime is null || (command.EndTime is not null && command.EndTime > command.StartTime), "meeting.end_time",
            "Give an end time after the start time.")
        .MaxLength("meeting.title", command.Title, 200)
        .OptionalTimeZone(command.TimeZone, "meeting.time_zone")
        .Link(command.VideoLink, "meeting.video_link")
        .MaxLength("request_id", command.RequestId, MeetingRules.MaxRequestId);

    public async Task<MeetingView> HandleAsync(ScheduleMeetingCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await Access.EnsureOrganiserAsync(caller, command.NetworkId, command.GroupId, context.Groups, cancellationToken);
        var group = await context.Groups.GetGroupAsync(command.NetworkId, command.GroupId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var openActionItems = await context.Database.OpenActionItemsAsync(command.NetworkId, group.GroupId, cancellationToken);
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var kind = command.Kind!.Value;
        var key = IdempotencyKey.For(nameof(ScheduleMeeting), caller, command.RequestId, command);
        var scheduled = await context.Writes.CreateAsync(MeetingsResources.Meetings, command.NetworkId, key, async unit =>
        {
            var id = command.MeetingId.Length > 0 ? command.MeetingId : Ids.New("mtg");
            if (await unit.GetAsync(MeetingsCollections.Meetings, command.NetworkId, id, cancellationToken) is not null)
            {
                throw new AlreadyExistsException(MeetingsResources.Meetings.ApiType, MeetingsResources.Meetings.NameOf(command.NetworkId,
                    id),
                    $"Meeting '{id}' already exists; choose another meeting_id or leave it empty.");
            }
            await KnownNetwork.RememberAsync(unit, command.NetworkId, cancellationToken);
            var now = context.Now;
            var meeting = Meeting.Schedule(id, command.NetworkId, group.GroupId,
                command.Title.Length > 0 ? command.Title : $"{texts.KindName(kind)}: {group.Name}",
                kind, command.StartTime!.Value, command.EndTime!.Value, command.TimeZone.Length > 0 ? command.TimeZone : settings.TimeZone,
                command.Location, command.VideoLink, settings.TemplateFor(kind, texts), openActionItems, texts, now,
                caller.Subject);
            return Change<Meeting>.With(meeting, version => new MeetingScheduled(MeetingsContext.NewEventId(), now, meeting.NetworkId,
                meeting.Id,
                version, meeting.Id, meeting.GroupId, meeting.Kind.ToString(), meeting.Title, meeting.Start, meeting.End, meeting.TimeZone,
                meeting.Location, meeting.VideoLink));
        }, cancellationToken);
        return new MeetingView(scheduled, settings.Quorum);
    }
}
