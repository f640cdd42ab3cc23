using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>A group's editable fields as the caller sent them (enums null when unspecified, dates as YYYY-MM-DD).</summary>
public sealed record GroupDraft(
    string DisplayName,
    string Description,
    GroupKind? Kind,
    GroupScope? Scope,
    JoinPolicy? JoinPolicy,
    string StartDate,
    string EndDate,
    string ContactEmail)
{
    /// <summary>The details of a validated draft (the aggregate checks the rest).</summary>
    public GroupDetails ToDetails() => new(DisplayName.Trim(), Description, Kind ?? GroupKind.ThematicGroup, Scope ?? GroupScope.National,
        JoinPolicy ?? Domain.JoinPolicy.Open, GroupsRules.ParseDate(StartDate), GroupsRules.ParseDate(EndDate), ContactEmail.Trim());
}

/// <summary>The field rules of groups, shared by create, propose and update.</summary>
internal static class GroupRules
{
    public const string ScopeRule = "Choose the scope: local, regional, national or international.";
    public const string JoinPolicyRule = "Choose JOIN_POLICY_OPEN or JOIN_POLICY_LEADER_APPROVAL.";

    /// <summary>A new group's draft: kind and scope required, join policy optional.</summary>
    public static Violations NewGroup(this Violations violations, GroupDraft? group)
    {
        if (group is null)
        {
            return violations.Add("group", "Send the group: at least display_name, kind and scope.");
        }
        return violations
            .Known("group.kind", group.Kind, "Choose the kind of group, e.g. GROUP_KIND_WORKING_GROUP.")
            .Known("group.scope", group.Scope, ScopeRule)
            .Require(group.JoinPolicy is not { } policy || Enum.IsDefined(policy), "group.join_policy", JoinPolicyRule)
            .Date("group.start_date", group.StartDate)
            .Date("group.end_date", group.EndDate);
    }
}
