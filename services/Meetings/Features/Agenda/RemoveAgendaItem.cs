using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

public sealed record RemoveAgendaItemCommand(string NetworkId, string MeetingId, string Etag, string ItemId) : INetworkRequest;

public sealed class RemoveAgendaItem(MeetingsContext context) : IUseCase<RemoveAgendaItemCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(RemoveAgendaItemCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(RemoveAgendaItemCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .NotEmpty(command.ItemId, "item_id", "agenda item id");

    public async Task<MeetingView> HandleAsync(RemoveAgendaItemCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag,
            meeting => Change<Meeting>.Quiet(meeting.RemoveAgendaItem(command.ItemId)), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }
}
