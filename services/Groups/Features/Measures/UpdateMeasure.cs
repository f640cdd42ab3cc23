using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

/// <summary>The secretariat or the owning group's leader edits title, description, status or milestones.</summary>
public sealed class UpdateMeasure(IDocumentStore store, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> UpdatablePaths = new HashSet<string>(StringComparer.Ordinal) { "title", "description", "status", "milestones" };

    public async Task<Versioned<Measure>> HandleAsync(UpdateMeasureRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Measure ?? throw new InvalidFieldsException("measure", "Send the measure with network_id, measure_id, etag and the changed fields.");
        MeasureInput.RequireIds(input.NetworkId, input.MeasureId);
        caller.EnsureNetwork(input.NetworkId);
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        var errors = new List<FieldError>();
        if (paths.Count == 0 || paths.Any(p => !UpdatablePaths.Contains(p)))
        {
            errors.Add(new("update_mask", $"Name the fields to change among: {string.Join(", ", UpdatablePaths)} (assignment has AssignMeasure)."));
        }
        if (paths.Contains("status") && !input.Status.IsDefinedValue())
        {
            errors.Add(new("measure.status", "Choose a status, e.g. MEASURE_STATUS_IN_PROGRESS."));
        }
        InvalidFieldsException.ThrowIfAny(errors);

        var current = await store.LoadAsync(GroupsCollections.Measures, input.NetworkId, input.MeasureId, cancellationToken);
        await MeasureAccess.EnsureSecretariatOrOwnerLeaderAsync(store, caller, current.Document, cancellationToken);
        var milestones = MeasureInput.Milestones(input.Milestones, current.Document.Milestones, errors);
        InvalidFieldsException.ThrowIfAny(errors);
        var at = clock.GetUtcNow();
        return await store.ChangeAsync(GroupsCollections.Measures, input.NetworkId, input.MeasureId, input.Etag.Length > 0 ? input.Etag : current.ETag, measure =>
        {
            var changed = MeasureInput.Apply(() => measure.Edit(
                paths.Contains("title") ? input.Title : measure.Title,
                paths.Contains("description") ? input.Description : measure.Description,
                paths.Contains("status") ? input.Status.ToDomain()!.Value : measure.Status,
                paths.Contains("milestones") ? milestones : measure.Milestones,
                at));
            return (changed, version => MeasureStatusEvents.Changed(measure, changed, version, at, caller.Subject));
        }, cancellationToken);
    }
}
