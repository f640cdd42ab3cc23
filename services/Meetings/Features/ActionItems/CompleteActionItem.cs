using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>The owner, a leader of the group or the secretariat marks an action item done.</summary>
public sealed class CompleteActionItem(MeetingsContext context)
{
    public async Task<Versioned<ActionItem>> HandleAsync(Proto.CompleteActionItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation().NotEmpty(request.NetworkId, "network_id", "network id").NotEmpty(request.ActionItemId, "action_item_id", "action item id").ThrowIfInvalid();
        var subject = $"networks/{request.NetworkId}/actionItems/{request.ActionItemId}";
        var current = await context.Database.Store.GetAsync(MeetingsCollections.ActionItems, request.NetworkId, request.ActionItemId, cancellationToken)
            ?? throw RpcErrors.NotFound("action item", subject);
        if (caller.PersonId != current.Document.OwnerPersonId || caller.NetworkId != request.NetworkId)
        {
            await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        }
        MeetingsDatabase.EnsureEtag(current, request.Etag, subject);
        var now = context.Now;
        var done = current.Document.Complete(now, caller.Subject);
        await using var unitOfWork = await context.Database.Store.BeginAsync(cancellationToken);
        var version = await unitOfWork.ReplaceAsync(MeetingsCollections.ActionItems, request.NetworkId, done, current.Version, cancellationToken);
        await unitOfWork.PublishAsync(new ActionItemCompleted(MeetingsContext.NewEventId(), now, done.NetworkId, done.Id, version,
            done.Id, done.MeetingId, done.GroupId, caller.Subject), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<ActionItem>(done, version);
    }
}
