using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

public sealed record CompleteActionItemCommand(string NetworkId, string ActionItemId, string Etag) : INetworkRequest;

/// <summary>The owner, a leader of the group or the secretariat marks an action item done.</summary>
public sealed class CompleteActionItem(MeetingsContext context) : IUseCase<CompleteActionItemCommand, Versioned<ActionItem>>
{
    // The owner may, whatever their roles: who owns it is known once it is read, in HandleAsync.
    public void Authorize(CompleteActionItemCommand command, Caller caller)
    {
    }

    public void Validate(CompleteActionItemCommand command, Violations violations) =>
        violations.NotEmpty(command.ActionItemId, "action_item_id", "action item id");

    public async Task<Versioned<ActionItem>> HandleAsync(CompleteActionItemCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var current = await context.Store.RequireAsync(MeetingsResources.ActionItems, command.NetworkId, command.ActionItemId,
            cancellationToken);
        if (caller.PersonId != current.Document.OwnerPersonId)
        {
            await Access.EnsureOrganiserAsync(caller, command.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        }
        var now = context.Now;
        return await context.Writes.ChangeAsync(MeetingsResources.ActionItems, command.NetworkId, command.ActionItemId, command.Etag,
            item =>
        {
            var done = item.Complete(now, caller.Subject);
            return Change<ActionItem>.With(done, version => new ActionItemCompleted(MeetingsContext.NewEventId(), now, done.NetworkId,
                done.Id,
                version, done.Id, done.MeetingId, done.GroupId, caller.Subject));
        }, cancellationToken);
    }
}
