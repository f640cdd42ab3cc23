using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Membership;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.RoleAssignments;

/// <summary>
/// The secretariat or the group's leader gives a person a role. Member roles are checked with the membership service
/// now; invited experts, state actors and observers are recorded as external participants.
/// </summary>
public sealed class AssignRole(IDocumentStore store, IMembershipDirectory membership, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(AssignRoleRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.PersonId))
        {
            errors.Add(new("person_id", "Name the person (their id in the membership service)."));
        }
        var role = request.Role.IsDefinedValue() ? request.Role.ToDomain() : null;
        if (role is null)
        {
            errors.Add(new("role", "Choose a role, e.g. ROLE_LEADER or ROLE_INVITED_EXPERT."));
        }
        if (role is { } external && !external.RequiresMemberRepresentative() && string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors.Add(new("display_name", "Give the name of the invited person; they are not looked up in the membership service."));
        }
        InvalidFieldsException.ThrowIfAny(errors);

        var person = role!.Value.RequiresMemberRepresentative()
            ? (await membership.CheckRepresentativeAsync(request.NetworkId, request.PersonId, cancellationToken)).RequireRepresentative()
            : new PersonIdentity(request.PersonId, request.OrganisationId.Trim(), false, request.DisplayName.Trim(), "", "", "");
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, request.Etag, group =>
        {
            caller.EnsureSecretariatOrLeader(group);
            var changed = group.AssignRole(person, role.Value, at).Group;
            return new GroupChange(changed, version => ParticipationEvents.Diff(group, changed, "Replaced", version, at));
        }, cancellationToken);
    }
}
