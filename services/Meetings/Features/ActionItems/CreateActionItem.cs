using System.Globalization;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>An action item agreed at a meeting, with owner and due date; it stays open on the group's next meetings until done.</summary>
public sealed class CreateActionItem(MeetingsContext context)
{
    public async Task<Versioned<ActionItem>> HandleAsync(Proto.CreateActionItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.ActionItem ?? new Proto.ActionItem();
        var due = default(DateOnly);
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting it is agreed at")
            .Require(input.Title.Trim().Length is > 0 and <= 500, "action_item.title", "Say what is to be done (1..500 characters).")
            .NotEmpty(input.OwnerPersonId, "action_item.owner_person_id", "person who owns it")
            .Require(DateOnly.TryParseExact(input.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out due), "action_item.due_date", "Give the due date as YYYY-MM-DD.")
            .MaxLength("request_id", request.RequestId, 100)
            .ThrowIfInvalid();
        var meeting = (await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken)).Document;
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, meeting.GroupId, context.Groups, cancellationToken);
        var itemId = request.RequestId.Length > 0 ? $"act-{request.RequestId}" : Ids.New("act");
        if (await context.Database.Store.GetAsync(MeetingsCollections.ActionItems, request.NetworkId, itemId, cancellationToken) is { } earlier)
        {
            return earlier;
        }
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new MeetingRuleException("MEETING_CANCELLED", meeting.Subject, "Action items are agreed at meetings that take place; this one was cancelled.");
        }
        var ownerName = meeting.Invitations.FirstOrDefault(i => i.Recipient.PersonId == input.OwnerPersonId)?.Recipient.Name
            ?? meeting.Attendance.FirstOrDefault(a => a.PersonId == input.OwnerPersonId)?.Name ?? input.OwnerDisplayName;
        var now = context.Now;
        var item = new ActionItem
        {
            Id = itemId, NetworkId = request.NetworkId, GroupId = meeting.GroupId, MeetingId = meeting.Id, Title = input.Title.Trim(),
            OwnerPersonId = input.OwnerPersonId, OwnerName = ownerName, DueDate = due, CreatedAt = now,
        };
        await using var unitOfWork = await context.Database.Store.BeginAsync(cancellationToken);
        var version = await unitOfWork.InsertAsync(MeetingsCollections.ActionItems, request.NetworkId, item, cancellationToken);
        await unitOfWork.PublishAsync(new ActionItemCreated(MeetingsContext.NewEventId(), now, item.NetworkId, item.Id, version,
            item.Id, item.MeetingId, item.GroupId, item.Title, item.OwnerPersonId, item.DueDate), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<ActionItem>(item, version);
    }
}
