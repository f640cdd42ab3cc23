using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.RoleAssignments;

/// <summary>The secretariat or the group's leader takes a role from a person; with no role left they leave the group.</summary>
public sealed class VacateRole(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(VacateRoleRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        var role = request.Role.IsDefinedValue() ? request.Role.ToDomain() : null;
        if (role is null)
        {
            throw new InvalidFieldsException("role", "Choose the role to vacate, e.g. ROLE_LEADER.");
        }
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, request.Etag, group =>
        {
            caller.EnsureSecretariatOrLeader(group);
            var changed = group.VacateRole(request.PersonId, role.Value, at);
            return new GroupChange(changed, version => ParticipationEvents.Diff(group, changed, "Vacated", version, at));
        }, cancellationToken);
    }
}
