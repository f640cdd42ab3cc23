using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

public sealed record ReachMilestoneCommand(string NetworkId, string MeasureId, string MilestoneId, string Etag) : INetworkRequest;

/// <summary>The owning group's leader (or the secretariat) marks a milestone reached.</summary>
public sealed class ReachMilestone(GroupsContext context) : IUseCase<ReachMilestoneCommand, Versioned<Measure>>
{
    // The secretariat or the owning group's leader: decided on the stored measure, in HandleAsync.
    public void Authorize(ReachMilestoneCommand command, Caller caller)
    {
    }

    public void Validate(ReachMilestoneCommand command, Violations violations) => violations
        .MeasureId(command.MeasureId)
        .Etag("etag", command.Etag)
        .Named("milestone_id", command.MilestoneId, "Name the milestone; the measure lists its milestones.");

    public async Task<Versioned<Measure>> HandleAsync(ReachMilestoneCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var current = await context.Store.RequireAsync(GroupsResources.Measures, command.NetworkId, command.MeasureId, cancellationToken);
        await MeasureRules.EnsureSecretariatOrOwnerLeaderAsync(context, caller, current.Document, cancellationToken);
        var at = context.Now;
        // Without an etag, the version the access was checked on: a measure given to another group meanwhile is ABORTED.
        var etag = command.Etag.Length > 0 ? command.Etag : current.ETag;
        return await context.Writes.ChangeAsync(GroupsResources.Measures, command.NetworkId, command.MeasureId, etag, measure =>
        {
            var reached = measure.ReachMilestone(command.MilestoneId, caller.Subject, at);
            var milestone = reached.Milestones.First(m => m.Id == command.MilestoneId);
            return new Change<Measure>(reached, version => [
                new MilestoneReached(Guid.NewGuid(), at, command.NetworkId, measure.Id, version, measure.Id, milestone.Id, milestone.Title,
                    measure.GroupId, caller.Subject),
                .. MeasureStatusEvents.Changed(measure, reached, version, at, caller.Subject)]);
        }, cancellationToken);
    }
}
