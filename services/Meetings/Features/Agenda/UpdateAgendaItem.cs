using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="UpdateMask">The fields to change, among <see cref="UpdateAgendaItem.Paths"/>.</param>
public sealed record UpdateAgendaItemCommand(string NetworkId, string MeetingId, string Etag, string ItemId,
    IReadOnlyList<string> UpdateMask,
    string Title, string Description, int DurationMinutes, IReadOnlyList<string> MeasureIds) : INetworkRequest;

/// <summary>Retitles, times or links an agenda item to measures.</summary>
public sealed class UpdateAgendaItem(MeetingsContext context) : IUseCase<UpdateAgendaItemCommand, MeetingView>
{
    public static readonly IReadOnlyList<string> Paths = ["title", "description", "duration_minutes", "measure_ids"];

    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(UpdateAgendaItemCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(UpdateAgendaItemCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .NotEmpty(command.ItemId, "item.item_id", "agenda item id")
        .Require(command.UpdateMask.Count > 0 && command.UpdateMask.All(Paths.Contains), "update_mask",
            $"Name the fields to change among {string.Join(", ", Paths)}.")
        .Require(!command.UpdateMask.Contains("title") || command.Title.Trim().Length is > 0 and <= 200, "item.title",
            "Give a title of 1..200 characters.")
        .Require(command.DurationMinutes is >= 0 and <= 600, "item.duration_minutes", "Use 0 (untimed) to 600 minutes.")
        .AgendaMeasures(command.MeasureIds, "item.measure_ids");

    public async Task<MeetingView> HandleAsync(UpdateAgendaItemCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var paths = command.UpdateMask;
        var measureIds = MeetingRules.AgendaMeasures(command.MeasureIds);
        if (paths.Contains("measure_ids"))
        {
            await context.Groups.EnsureMeasuresExistAsync(command.NetworkId, measureIds, cancellationToken);
        }
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag, meeting => Change<Meeting>.Quiet(
            meeting.UpdateAgendaItem(command.ItemId, existing => existing with
            {
                Title = paths.Contains("title") ? command.Title.Trim() : existing.Title,
                Description = paths.Contains("description") ? command.Description : existing.Description,
                DurationMinutes = paths.Contains("duration_minutes") ? command.DurationMinutes : existing.DurationMinutes,
                MeasureIds = paths.Contains("measure_ids") ? measureIds : existing.MeasureIds,
            })), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }
}
