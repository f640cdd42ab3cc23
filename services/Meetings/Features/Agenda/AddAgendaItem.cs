using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Position">0-based; null adds the item last.</param>
public sealed record AddAgendaItemCommand(string NetworkId, string MeetingId, string Etag, string Title, string Description,
    int DurationMinutes,
    IReadOnlyList<string> MeasureIds, int? Position) : INetworkRequest;

public sealed class AddAgendaItem(MeetingsContext context) : IUseCase<AddAgendaItemCommand, MeetingView>
{
    // Whether a group leader leads this meeting's group is checked in HandleAsync.
    public void Authorize(AddAgendaItemCommand command, Caller caller) => Access.EnsureOrganiserRole(caller);

    public void Validate(AddAgendaItemCommand command, Violations violations) => violations
        .NotEmpty(command.MeetingId, "meeting_id", "meeting id")
        .Require(command.Title.Trim().Length is > 0 and <= 200, "item.title", "Give a title of 1..200 characters.")
        .Require(command.DurationMinutes is >= 0 and <= 600, "item.duration_minutes", "Use 0 (untimed) to 600 minutes.")
        .Require(command.Position is null or >= 0, "position", "Use a 0-based position, or leave it out to add the item last.")
        .AgendaMeasures(command.MeasureIds, "item.measure_ids");

    public async Task<MeetingView> HandleAsync(AddAgendaItemCommand command, Caller caller, CancellationToken cancellationToken)
    {
        await context.OrganisedMeetingAsync(caller, command.NetworkId, command.MeetingId, cancellationToken);
        var measureIds = MeetingRules.AgendaMeasures(command.MeasureIds);
        await context.Groups.EnsureMeasuresExistAsync(command.NetworkId, measureIds, cancellationToken);
        var added = new AgendaItem
        {
            Id = Ids.New("agi"),
            Title = command.Title.Trim(),
            Description = command.Description,
            DurationMinutes = command.DurationMinutes,
            MeasureIds = measureIds,
        };
        var changed = await context.ChangeMeetingAsync(command.NetworkId, command.MeetingId, command.Etag,
            meeting => Change<Meeting>.Quiet(meeting.AddAgendaItem(added, command.Position)), cancellationToken);
        return await context.ViewAsync(changed, cancellationToken);
    }
}
