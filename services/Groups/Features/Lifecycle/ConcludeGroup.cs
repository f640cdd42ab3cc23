using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Lifecycle;

/// <summary>The secretariat moves a group to concluding (final reporting) and then to concluded.</summary>
public sealed class ConcludeGroup(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(ConcludeGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        if (request.Step is not (ConclusionStep.Start or ConclusionStep.Complete))
        {
            throw new InvalidFieldsException("step", "Choose CONCLUSION_STEP_START (active -> concluding) or CONCLUSION_STEP_COMPLETE (concluding -> concluded).");
        }
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, request.Etag, group =>
        {
            var decision = new Decision(caller.Subject, request.DecisionReference.Trim(), "", at);
            var changed = request.Step == ConclusionStep.Start ? group.StartConcluding(decision) : group.CompleteConclusion(decision);
            return new GroupChange(changed, version => [new GroupConcluded(Guid.NewGuid(), at, changed.NetworkId, changed.Id, version,
                changed.Id, changed.State.ToString(), caller.Subject, decision.DecisionReference)]);
        }, cancellationToken);
    }
}
