using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Lifecycle;

/// <summary>The two steps of concluding: active -> concluding (final reporting), then concluding -> concluded.</summary>
public enum ConclusionStep
{
    Start,
    Complete,
}

/// <param name="Step">Null when the caller named none.</param>
public sealed record ConcludeGroupCommand(string NetworkId, string GroupId, ConclusionStep? Step, string DecisionReference, string Etag)
    : INetworkRequest;

/// <summary>The secretariat moves a group to concluding (final reporting) and then to concluded.</summary>
public sealed class ConcludeGroup(GroupsContext context) : IUseCase<ConcludeGroupCommand, Versioned<Group>>
{
    public void Authorize(ConcludeGroupCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(ConcludeGroupCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Etag("etag", command.Etag)
        .Text("decision_reference", command.DecisionReference, 500)
        .Known("step", command.Step,
            "Choose CONCLUSION_STEP_START (active -> concluding) or CONCLUSION_STEP_COMPLETE (concluding -> concluded).");

    public Task<Versioned<Group>> HandleAsync(ConcludeGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var at = context.Now;
        return context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            var decision = new Decision(caller.Subject, command.DecisionReference.Trim(), "", at);
            if (command.Step == ConclusionStep.Start)
            {
                var started = group.StartConcluding(decision);
                return Change<Group>.With(started, version => new GroupConcludingStarted(Guid.NewGuid(), at, started.NetworkId, started.Id,
                    version, started.Id, caller.Subject, decision.DecisionReference));
            }
            var concluded = group.CompleteConclusion(decision);
            return Change<Group>.With(concluded, version => new GroupConcluded(Guid.NewGuid(), at, concluded.NetworkId, concluded.Id,
                version, concluded.Id, concluded.State.ToString(), caller.Subject, decision.DecisionReference));
        }, cancellationToken);
    }
}
