using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

public sealed class AddAgendaItem(MeetingsContext context)
{
    public async Task<Versioned<Meeting>> HandleAsync(Proto.AddAgendaItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var item = request.Item ?? new Proto.AgendaItem();
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .Require(item.Title.Trim().Length is > 0 and <= 200, "item.title", "Give a title of 1..200 characters.")
            .Require(item.DurationMinutes is >= 0 and <= 600, "item.duration_minutes", "Use 0 (untimed) to 600 minutes.")
            .Require(!request.HasPosition || request.Position >= 0, "position", "Use a 0-based position, or leave it out to add the item last.")
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        var added = new AgendaItem
        {
            Id = Ids.New("agi"),
            Title = item.Title.Trim(),
            Description = item.Description,
            DurationMinutes = item.DurationMinutes,
            MeasureIds = item.MeasureIds.Where(id => id.Length > 0).Distinct().ToList(),
        };
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.AddAgendaItem(added, request.HasPosition ? request.Position : null)),
            (_, _, _, _) => Task.CompletedTask, cancellationToken);
    }
}
