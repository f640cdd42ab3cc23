using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Meetings.Storage;

namespace NetworkPlatform.Meetings.Features;

public sealed record GenerateMinutesDraftCommand(string NetworkId, string MeetingId, string Etag) : INetworkRequest;

/// <summary>Writes the minutes' draft from the agenda, attendance, decisions and action items (new and carried over).</summary>
public sealed class GenerateMinutesDraft(MeetingsContext context) : IUseCase<GenerateMinutesDraftCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(GenerateMinutesDraftCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(GenerateMinutesDraftCommand command, Violations violations) =>
        violations.NotEmpty(command.MeetingId, "meeting_id", "meeting id");

    public async Task<MeetingView> HandleAsync(GenerateMinutesDraftCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var current = await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var group = await context.Groups.GetGroupAsync(command.NetworkId, current.Document.GroupId, cancellationToken);
        var settings = await context.Database.SettingsAsync(command.NetworkId, cancellationToken);
        var agreedHere = (await context.Database.ActionItemsOfMeetingAsync(command.NetworkId, command.MeetingId,
            cancellationToken)).OrderBy(a => a.CreatedAt).ToList();
        var carriedOver = new List<ActionItem>();
        foreach (var id in current.Document.CarriedOverActionItemIds)
        {
            if (await context.Store.GetAsync(MeetingsCollections.ActionItems, command.NetworkId, id, cancellationToken) is { } item)
            {
                carriedOver.Add(item.Document);
            }
        }
        var texts = await context.TextsAsync(command.NetworkId, cancellationToken);
        var now = context.Now;
        var drafted = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, meeting => Change<Meeting>.Quiet(
            meeting.DraftMinutes(MinutesDraft.Compose(meeting, group.Name, Notices.ZoneOf(meeting), meeting.QuorumUnder(settings.Quorum),
                agreedHere, carriedOver, texts), now)), cancellationToken);
        return new MeetingView(drafted, settings.Quorum);
    }
}
