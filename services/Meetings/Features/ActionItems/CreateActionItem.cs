using System.Globalization;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <param name="OwnerDisplayName">The owner's name when they are on none of the meeting's lists.</param>
/// <param name="DueDate">As sent: YYYY-MM-DD.</param>
public sealed record CreateActionItemCommand(string NetworkId, string MeetingId, string RequestId, string Title, string OwnerPersonId,
    string OwnerDisplayName, string DueDate) : INetworkRequest;

/// <summary>An action item agreed at a meeting, with owner and due date; it stays open on the group's next meetings until done.</summary>
public sealed class CreateActionItem(MeetingsContext context) : IUseCase<CreateActionItemCommand, Versioned<ActionItem>>
{
    // Whether a group leader leads the meeting's group is checked in HandleAsync.
    public void Authorize(CreateActionItemCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(CreateActionItemCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting it is agreed at")
        .Require(command.Title.Trim().Length is > 0 and <= 500, "action_item.title", "Say what is to be done (1..500 characters).")
        .NotEmpty(command.OwnerPersonId, "action_item.owner_person_id", "person who owns it")
        .Require(DueDate(command) is not null, "action_item.due_date", "Give the due date as YYYY-MM-DD.")
        .MaxLength("request_id", command.RequestId, MeetingRules.MaxRequestId);

    public async Task<Versioned<ActionItem>> HandleAsync(CreateActionItemCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var meeting = (await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken)).Document;
        var key = IdempotencyKey.For(nameof(CreateActionItem), caller, command.RequestId, command);
        return await context.Writes.CreateAsync(MeetingsResources.ActionItems, command.NetworkId, key, _ =>
        {
            var now = context.Now;
            var item = ActionItem.AgreeAt(meeting, Ids.New("act"), command.Title.Trim(), command.OwnerPersonId, command.OwnerDisplayName,
                DueDate(command)!.Value, now);
            return Task.FromResult(Change<ActionItem>.With(item, version => new ActionItemCreated(MeetingsContext.NewEventId(), now,
                item.NetworkId,
                item.Id, version, item.Id, item.MeetingId, item.GroupId, item.Title, item.OwnerPersonId, item.DueDate)));
        }, cancellationToken);
    }

    private static DateOnly? DueDate(CreateActionItemCommand command) =>
        DateOnly.TryParseExact(command.DueDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due) ? due : null;
}
