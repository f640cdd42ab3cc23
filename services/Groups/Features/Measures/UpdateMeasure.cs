using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

/// <param name="UpdateMask">The fields to change; at least one.</param>
public sealed record UpdateMeasureCommand(string NetworkId, string MeasureId, string Etag, IReadOnlyList<string> UpdateMask,
    MeasureDraft Measure)
    : INetworkRequest
{
    public string NetworkIdField => "measure.network_id";
}

/// <summary>The secretariat or the owning group's leader edits title, description, status or milestones.</summary>
public sealed class UpdateMeasure(GroupsContext context) : IUseCase<UpdateMeasureCommand, Versioned<Measure>>
{
    public static readonly IReadOnlyList<string> UpdatablePaths = ["title", "description", "status", "milestones"];

    // The secretariat or the owning group's leader: decided on the stored measure, in HandleAsync.
    public void Authorize(UpdateMeasureCommand command, Caller caller)
    {
    }

    public void Validate(UpdateMeasureCommand command, Violations violations)
    {
        var paths = command.UpdateMask;
        violations.MeasureId(command.MeasureId)
            .Etag("measure.etag", command.Etag)
            .Require(paths.Count > 0 && paths.All(UpdatablePaths.Contains), "update_mask",
                $"Name the fields to change among: {string.Join(", ", UpdatablePaths)} (assignment has AssignMeasure).")
            .MeasureFields(command.Measure, paths);
        if (paths.Contains("status"))
        {
            violations.Known("measure.status", command.Measure.Status, "Choose a status, e.g. MEASURE_STATUS_ON_TRACK.");
        }
    }

    public async Task<Versioned<Measure>> HandleAsync(UpdateMeasureCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var current = await context.Store.RequireAsync(GroupsResources.Measures, command.NetworkId, command.MeasureId, cancellationToken);
        await MeasureRules.EnsureSecretariatOrOwnerLeaderAsync(context, caller, current.Document, cancellationToken);
        var input = command.Measure;
        var paths = command.UpdateMask;
        var milestones = MeasureRules.Milestones(input.Milestones, current.Document.Milestones);
        var at = context.Now;
        // Without an etag, the version the access was checked on: a measure given to another group meanwhile is ABORTED.
        var etag = command.Etag.Length > 0 ? command.Etag : current.ETag;
        return await context.Writes.ChangeAsync(GroupsResources.Measures, command.NetworkId, command.MeasureId, etag, measure =>
        {
            var changed = GroupsRules.Under("measure.", () => measure.Edit(
                paths.Contains("title") ? input.Title : measure.Title,
                paths.Contains("description") ? input.Description : measure.Description,
                paths.Contains("status") ? input.Status!.Value : measure.Status,
                paths.Contains("milestones") ? milestones : measure.Milestones,
                at));
            return new Change<Measure>(changed, version => MeasureStatusEvents.Changed(measure, changed, version, at, caller.Subject)
                .Concat(measure.Title == changed.Title
                    ? []
                    : [new MeasureRetitled(Guid.NewGuid(), at, changed.NetworkId, changed.Id, version, changed.Id, changed.Year,
                        changed.Title, caller.Subject)]));
        }, cancellationToken);
    }
}
