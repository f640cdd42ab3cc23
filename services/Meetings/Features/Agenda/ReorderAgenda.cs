using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="ItemIds">Every agenda item id, in the new order.</param>
public sealed record ReorderAgendaCommand(string NetworkId, string MeetingId, string Etag, IReadOnlyList<string> ItemIds) : INetworkRequest;

public sealed class ReorderAgenda(MeetingsContext context) : IUseCase<ReorderAgendaCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(ReorderAgendaCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(ReorderAgendaCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .Require(command.ItemIds.Count > 0, "item_ids", "List every agenda item id in the new order.");

    public async Task<MeetingView> HandleAsync(ReorderAgendaCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag,
            meeting => Change<Meeting>.Quiet(meeting.ReorderAgenda(command.ItemIds)), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }
}
