using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.RoleAssignments;

public sealed record VacateRoleCommand(string NetworkId, string GroupId, string PersonId, GroupRole? Role, string Etag) : INetworkRequest;

/// <summary>The secretariat or the group's leader takes a role from a person; with no role left they leave the group.</summary>
public sealed class VacateRole(GroupsContext context) : IUseCase<VacateRoleCommand, Versioned<Group>>
{
    // Who may is decided on the stored group (its leader), in HandleAsync.
    public void Authorize(VacateRoleCommand command, Caller caller)
    {
    }

    public void Validate(VacateRoleCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Etag("etag", command.Etag)
        .Known("role", command.Role, "Choose the role to vacate, e.g. ROLE_LEADER.");

    public Task<Versioned<Group>> HandleAsync(VacateRoleCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var at = context.Now;
        return context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            caller.EnsureSecretariatOrLeader(group);
            var changed = group.VacateRole(command.PersonId, command.Role!.Value, at);
            return new Change<Group>(changed, version =>
                ParticipationEvents.Diff(group, changed, ParticipationReasons.Vacated, version, at));
        }, cancellationToken);
    }
}
