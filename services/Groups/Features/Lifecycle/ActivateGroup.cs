using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Lifecycle;

public sealed record ActivateGroupCommand(string NetworkId, string GroupId, string DecisionReference, string Etag) : INetworkRequest;

/// <summary>The secretariat starts a mandated group's work; refused while the mandate or the leader is missing.</summary>
public sealed class ActivateGroup(GroupsContext context) : IUseCase<ActivateGroupCommand, Versioned<Group>>
{
    public void Authorize(ActivateGroupCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(ActivateGroupCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Etag("etag", command.Etag)
        .Text("decision_reference", command.DecisionReference, 500);

    public Task<Versioned<Group>> HandleAsync(ActivateGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var at = context.Now;
        var reference = command.DecisionReference.Trim();
        return context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            var active = group.Activate(new Decision(caller.Subject, reference, "", at));
            return Change<Group>.With(active, version => new GroupActivated(Guid.NewGuid(), at, active.NetworkId, active.Id, version,
                active.Id, active.Details.DisplayName, active.Details.Kind.ToString(), active.Leader!.PersonId, caller.Subject, reference));
        }, cancellationToken);
    }
}
