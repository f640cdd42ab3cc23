using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Retitles, times or links an agenda item to measures.</summary>
public sealed class UpdateAgendaItem(MeetingsContext context)
{
    private static readonly string[] Paths = ["title", "description", "duration_minutes", "measure_ids"];

    public async Task<Versioned<Meeting>> HandleAsync(Proto.UpdateAgendaItemRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var item = request.Item ?? new Proto.AgendaItem();
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .NotEmpty(request.MeetingId, "meeting_id", "meeting id")
            .NotEmpty(item.ItemId, "item.item_id", "agenda item id")
            .Require(paths.Count > 0 && paths.All(Paths.Contains), "update_mask", $"Name the fields to change among {string.Join(", ", Paths)}.")
            .Require(!paths.Contains("title") || item.Title.Trim().Length is > 0 and <= 200, "item.title", "Give a title of 1..200 characters.")
            .Require(item.DurationMinutes is >= 0 and <= 600, "item.duration_minutes", "Use 0 (untimed) to 600 minutes.")
            .ThrowIfInvalid();
        var current = await context.Database.GetMeetingAsync(request.NetworkId, request.MeetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, request.NetworkId, current.Document.GroupId, context.Groups, cancellationToken);
        return await context.Database.ChangeMeetingAsync(request.NetworkId, request.MeetingId, request.Etag,
            meeting => Task.FromResult(meeting.UpdateAgendaItem(item.ItemId, existing => existing with
            {
                Title = paths.Contains("title") ? item.Title.Trim() : existing.Title,
                Description = paths.Contains("description") ? item.Description : existing.Description,
                DurationMinutes = paths.Contains("duration_minutes") ? item.DurationMinutes : existing.DurationMinutes,
                MeasureIds = paths.Contains("measure_ids") ? item.MeasureIds.Where(id => id.Length > 0).Distinct().ToList() : existing.MeasureIds,
            })),
            (_, _, _, _) => Task.CompletedTask, cancellationToken);
    }
}
