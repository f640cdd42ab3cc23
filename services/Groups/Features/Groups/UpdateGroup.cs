using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>The secretariat or the group's leader changes the fields named in the update mask.</summary>
public sealed class UpdateGroup(IDocumentStore store, TimeProvider clock)
{
    public static readonly IReadOnlySet<string> UpdatablePaths = new HashSet<string>(StringComparer.Ordinal)
    {
        "display_name", "description", "scope", "join_policy", "start_date", "end_date", "contact_email",
    };

    public async Task<Versioned<Group>> HandleAsync(UpdateGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Group ?? throw new InvalidFieldsException("group", "Send the group with network_id, group_id, etag and the changed fields.");
        GroupWrites.RequireIds(input.NetworkId, input.GroupId);
        caller.EnsureNetwork(input.NetworkId);
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        var errors = new List<FieldError>();
        if (paths.Count == 0)
        {
            errors.Add(new("update_mask", $"Name the fields to change: {string.Join(", ", UpdatablePaths)}."));
        }
        foreach (var path in paths.Where(p => !UpdatablePaths.Contains(p)))
        {
            errors.Add(new("update_mask", $"'{path}' cannot be updated here; updatable fields: {string.Join(", ", UpdatablePaths)}. Mandates, roles and state have their own methods."));
        }
        if (paths.Contains("scope") && !input.Scope.IsDefinedValue())
        {
            errors.Add(new("group.scope", "Choose the scope: local, regional, national or international."));
        }
        if (paths.Contains("join_policy") && !input.JoinPolicy.IsDefinedValue())
        {
            errors.Add(new("group.join_policy", "Choose JOIN_POLICY_OPEN or JOIN_POLICY_LEADER_APPROVAL."));
        }
        var startDate = ProtoDates.ParseDate(input.StartDate, "group.start_date", errors);
        var endDate = ProtoDates.ParseDate(input.EndDate, "group.end_date", errors);
        InvalidFieldsException.ThrowIfAny(errors);

        return await store.ChangeGroupAsync(input.NetworkId, input.GroupId, input.Etag, group =>
        {
            caller.EnsureSecretariatOrLeader(group);
            var details = group.Details;
            foreach (var path in paths)
            {
                details = path switch
                {
                    "display_name" => details with { DisplayName = input.DisplayName.Trim() },
                    "description" => details with { Description = input.Description },
                    "scope" => details with { Scope = input.Scope.ToDomain()!.Value },
                    "join_policy" => details with { JoinPolicy = input.JoinPolicy.ToDomain()!.Value },
                    "start_date" => details with { StartDate = startDate },
                    "end_date" => details with { EndDate = endDate },
                    "contact_email" => details with { ContactEmail = input.ContactEmail.Trim() },
                    _ => details,
                };
            }
            return new GroupChange(GroupInput.Build(() => group.UpdateDetails(details, clock.GetUtcNow())), _ => []);
        }, cancellationToken);
    }
}
