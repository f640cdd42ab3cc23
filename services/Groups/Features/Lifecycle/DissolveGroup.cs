using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Lifecycle;

public sealed record DissolveGroupCommand(string NetworkId, string GroupId, string Reason, string DecisionReference,
    string Etag) : INetworkRequest;

/// <summary>The secretariat ends a group early (the need went away, or it never got going), with the reason.</summary>
public sealed class DissolveGroup(GroupsContext context) : IUseCase<DissolveGroupCommand, Versioned<Group>>
{
    public void Authorize(DissolveGroupCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(DissolveGroupCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Etag("etag", command.Etag)
        .Text("reason", command.Reason, 4000)
        .Text("decision_reference", command.DecisionReference, 500);

    public Task<Versioned<Group>> HandleAsync(DissolveGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var at = context.Now;
        return context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            var decision = new Decision(caller.Subject, command.DecisionReference.Trim(), command.Reason.Trim(), at);
            var dissolved = group.Dissolve(decision);
            return Change<Group>.With(dissolved, version => new GroupDissolved(Guid.NewGuid(), at, dissolved.NetworkId, dissolved.Id,
                version,
                dissolved.Id, decision.Reason, caller.Subject, decision.DecisionReference));
        }, cancellationToken);
    }
}
