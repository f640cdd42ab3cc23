using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.RoleAssignments;

/// <param name="OrganisationId">For an external participant (invited expert, state actor, observer): whom they come from.</param>
/// <param name="DisplayName">For an external participant: their name (they are not looked up in the membership service).</param>
public sealed record AssignRoleCommand(string NetworkId, string GroupId, string PersonId, string OrganisationId, GroupRole? Role,
    string DisplayName, string Etag) : INetworkRequest;

/// <summary>
/// The secretariat or the group's leader gives a person a role. Member roles are checked with the membership service
/// now; invited experts, state actors and observers are recorded as external participants.
/// </summary>
public sealed class AssignRole(GroupsContext context) : IUseCase<AssignRoleCommand, Versioned<Group>>
{
    // Who may is decided on the stored group (its leader), in HandleAsync.
    public void Authorize(AssignRoleCommand command, Caller caller)
    {
    }

    public void Validate(AssignRoleCommand command, Violations violations)
    {
        violations.GroupId(command.GroupId)
            .Etag("etag", command.Etag)
            .Named("person_id", command.PersonId, "Name the person (their id in the membership service).")
            .Known("role", command.Role, "Choose a role, e.g. ROLE_LEADER or ROLE_INVITED_EXPERT.");
        if (command.Role is { } role && Enum.IsDefined(role) && !role.RequiresMemberRepresentative())
        {
            violations.Named("display_name", command.DisplayName,
                "Give the name of the invited person; they are not looked up in the membership service.");
        }
    }

    public async Task<Versioned<Group>> HandleAsync(AssignRoleCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var role = command.Role!.Value;
        var person = role.RequiresMemberRepresentative()
            ? (await context.Membership.CheckRepresentativeAsync(command.NetworkId, command.PersonId,
                cancellationToken)).RequireRepresentative()
            : new PersonIdentity(command.PersonId, command.OrganisationId.Trim(), false, command.DisplayName.Trim(), "", "", "");
        var at = context.Now;
        return await context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            caller.EnsureSecretariatOrLeader(group);
            var changed = group.AssignRole(person, role, at).Group;
            return new Change<Group>(changed, version =>
                ParticipationEvents.Diff(group, changed, ParticipationReasons.Replaced, version, at));
        }, cancellationToken);
    }
}
