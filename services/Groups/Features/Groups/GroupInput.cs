using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>Reads a group's editable fields from a request, with every problem reported as a field violation.</summary>
public static class GroupInput
{
    public static GroupDetails Details(V1.Group? group, List<FieldError> errors)
    {
        if (group is null)
        {
            errors.Add(new("group", "Send the group: at least display_name, kind and scope."));
            return new GroupDetails("", "", GroupKind.ThematicGroup, GroupScope.National, JoinPolicy.Open, null, null, "");
        }
        var kind = group.Kind.ToDomain();
        if (kind is null || !group.Kind.IsDefinedValue())
        {
            errors.Add(new("group.kind", "Choose the kind of group, e.g. GROUP_KIND_WORKING_GROUP."));
        }
        var scope = group.Scope.ToDomain();
        if (scope is null || !group.Scope.IsDefinedValue())
        {
            errors.Add(new("group.scope", "Choose the scope: local, regional, national or international."));
        }
        if (group.JoinPolicy != V1.JoinPolicy.Unspecified && !group.JoinPolicy.IsDefinedValue())
        {
            errors.Add(new("group.join_policy", "Choose JOIN_POLICY_OPEN or JOIN_POLICY_LEADER_APPROVAL."));
        }
        return new GroupDetails(
            group.DisplayName.Trim(),
            group.Description,
            kind ?? GroupKind.ThematicGroup,
            scope ?? GroupScope.National,
            group.JoinPolicy.ToDomain() ?? JoinPolicy.Open,
            ProtoDates.ParseDate(group.StartDate, "group.start_date", errors),
            ProtoDates.ParseDate(group.EndDate, "group.end_date", errors),
            group.ContactEmail.Trim());
    }

    /// <summary>The caller's id when given (and valid), otherwise a new one with the prefix.</summary>
    public static string IdOrNew(string requested, string field, string prefix, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(requested))
        {
            return Identifiers.New(prefix);
        }
        if (!Identifiers.IsValid(requested))
        {
            errors.Add(new(field, Identifiers.Rule));
        }
        return requested;
    }

    /// <summary>Validates the details in the domain, reporting fields as the request names them.</summary>
    public static T Build<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (InvalidFieldsException e)
        {
            throw e.WithPrefix("group.");
        }
    }
}
