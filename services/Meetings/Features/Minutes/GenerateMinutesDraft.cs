using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Writes the minutes' draft from the agenda, attendance, decisions and action items (new and carried over).</summary>
public sealed class GenerateMinutesDraft(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.GenerateMinutesDraftRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").NotEmpty(request.MeetingId, "meeting_id", "meeting id").ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var group = await context.Groups.GetGroupAsync(request.NetworkId, current.Document.GroupId, cancellationToken);
        var settings = await context.Database.SettingsAsync(request.NetworkId, cancellationToken);
        var agreedHere = (await context.Database.ActionItemsOfMeetingAsync(request.NetworkId, request.MeetingId,
            cancellationToken)).OrderBy(a => a.CreatedAt).ToList();
        var carriedOver = new List<ActionItem>();
        foreach (var id in current.Document.CarriedOverActionItemIds)
        {
            if (await context.Database.Store.GetAsync(MeetingsCollections.ActionItems, request.NetworkId, id, cancellationToken) is { } item)
            {
                carriedOver.Add(item.Document);
            }
        }
        var now = context.Now;
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.DraftMinutes(
                MinutesDraft.Compose(meeting, group.Name, Notices.ZoneOf(meeting), meeting.QuorumUnder(settings.Quorum), agreedHere, carriedOver), now)),
            (_, _, _, _) => Task.CompletedTask, cancellationToken);
    }
}
