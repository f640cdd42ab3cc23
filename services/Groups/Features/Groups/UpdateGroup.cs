using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Groups;

/// <param name="UpdateMask">The fields to change; at least one.</param>
public sealed record UpdateGroupCommand(string NetworkId, string GroupId, string Etag, IReadOnlyList<string> UpdateMask, GroupDraft Group)
    : INetworkRequest
{
    public string NetworkIdField => "group.network_id";
}

/// <summary>The secretariat or the group's leader changes the fields named in the update mask.</summary>
public sealed class UpdateGroup(GroupsContext context) : IUseCase<UpdateGroupCommand, Versioned<Group>>
{
    public static readonly IReadOnlyList<string> UpdatablePaths =
        ["display_name", "description", "scope", "join_policy", "start_date", "end_date", "contact_email"];

    // Who may is decided on the stored group (its leader), in HandleAsync.
    public void Authorize(UpdateGroupCommand command, Caller caller)
    {
    }

    public void Validate(UpdateGroupCommand command, Violations violations)
    {
        violations.GroupId(command.GroupId).Etag("group.etag", command.Etag);
        var paths = command.UpdateMask;
        violations.Require(paths.Count > 0, "update_mask", $"Name the fields to change: {string.Join(", ", UpdatablePaths)}.");
        foreach (var path in paths.Where(p => !UpdatablePaths.Contains(p)))
        {
            violations.Add("update_mask", $"{Violations.Quote(path)} cannot be updated here; " +
                $"updatable fields: {string.Join(", ", UpdatablePaths)}. Mandates, roles and state have their own methods.");
        }
        if (paths.Contains("scope"))
        {
            violations.Known("group.scope", command.Group.Scope, GroupRules.ScopeRule);
        }
        if (paths.Contains("join_policy"))
        {
            violations.Known("group.join_policy", command.Group.JoinPolicy, GroupRules.JoinPolicyRule);
        }
        violations.Date("group.start_date", command.Group.StartDate).Date("group.end_date", command.Group.EndDate);
    }

    public Task<Versioned<Group>> HandleAsync(UpdateGroupCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var input = command.Group;
        return context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            caller.EnsureSecretariatOrLeader(group);
            var details = group.Details;
            foreach (var path in command.UpdateMask)
            {
                details = path switch
                {
                    "display_name" => details with { DisplayName = input.DisplayName.Trim() },
                    "description" => details with { Description = input.Description },
                    "scope" => details with { Scope = input.Scope!.Value },
                    "join_policy" => details with { JoinPolicy = input.JoinPolicy!.Value },
                    "start_date" => details with { StartDate = GroupsRules.ParseDate(input.StartDate) },
                    "end_date" => details with { EndDate = GroupsRules.ParseDate(input.EndDate) },
                    "contact_email" => details with { ContactEmail = input.ContactEmail.Trim() },
                    _ => details,
                };
            }
            return Change<Group>.Quiet(GroupsRules.Under("group.", () => group.UpdateDetails(details, context.Now)));
        }, cancellationToken);
    }
}
