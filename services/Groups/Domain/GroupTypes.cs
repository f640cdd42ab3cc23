using NetworkPlatform.Application.Validation;
using System.Text.Json.Serialization;

namespace NetworkPlatform.Groups.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<GroupKind>))]
public enum GroupKind
{
    ThematicGroup,
    WorkingGroup,
    TaskForce,
    SubNetwork,
    SteeringGroup,
    PartnerMeeting,
    WorkingCommittee,
    Secretariat,
    GroupLeaderForum,
    ReferenceGroup,
    ProjectGroup,
    ReflectionGroup,
}

[JsonConverter(typeof(JsonStringEnumConverter<GroupScope>))]
public enum GroupScope
{
    Local,
    Regional,
    National,
    International,
}

[JsonConverter(typeof(JsonStringEnumConverter<GroupState>))]
public enum GroupState
{
    Proposed,
    Mandated,
    Active,
    Concluding,
    Concluded,
    Dissolved,
}

[JsonConverter(typeof(JsonStringEnumConverter<JoinPolicy>))]
public enum JoinPolicy
{
    Open,
    LeaderApproval,
}

[JsonConverter(typeof(JsonStringEnumConverter<GroupRole>))]
public enum GroupRole
{
    Leader,
    Deputy,
    BudgetResponsible,
    Secretary,
    Member,
    InvitedExpert,
    StateActor,
    Observer,
}

[JsonConverter(typeof(JsonStringEnumConverter<GroupFlag>))]
public enum GroupFlag
{
    LeaderMissing,
    BudgetResponsibleMissing,
}

public static class GroupKinds
{
    /// <summary>Bodies that govern the network: they approve other groups' mandates and exist without one.</summary>
    public static bool IsGoverningBody(this GroupKind kind) => kind is GroupKind.SteeringGroup or GroupKind.PartnerMeeting
        or GroupKind.WorkingCommittee or GroupKind.Secretariat or GroupKind.GroupLeaderForum;
}

public static class GroupRoles
{
    /// <summary>Roles that only an active member organisation's representative can hold.</summary>
    public static bool RequiresMemberRepresentative(this GroupRole role) => role is GroupRole.Leader or GroupRole.Deputy
        or GroupRole.BudgetResponsible or GroupRole.Secretary or GroupRole.Member;

    /// <summary>Roles a group has exactly one holder of: assigning it replaces the previous holder.</summary>
    public static bool IsSingleHolder(this GroupRole role) => role is GroupRole.Leader or GroupRole.BudgetResponsible;
}

/// <summary>Who decided a step, on what basis, and when.</summary>
public sealed record Decision(string DecidedBy, string DecisionReference, string Reason, DateTimeOffset At);

public sealed record LifecycleStep(GroupState? From, GroupState To, string DecidedBy, string DecisionReference, string Reason,
    DateTimeOffset At);

/// <summary>The editable description of a group.</summary>
public sealed record GroupDetails(
    string DisplayName,
    string Description,
    GroupKind Kind,
    GroupScope Scope,
    JoinPolicy JoinPolicy,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string ContactEmail)
{
    public void Validate()
    {
        var errors = new Violations();
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            errors.Add("display_name", "Give the group a name, e.g. \"Arbeidsgruppe digital mobbing\".");
        }
        else if (DisplayName.Length > 200)
        {
            errors.Add("display_name", "Keep the name under 200 characters.");
        }
        if (Description.Length > 4000)
        {
            errors.Add("description", "Keep the description under 4000 characters.");
        }
        if (Kind == GroupKind.WorkingGroup && EndDate is null)
        {
            errors.Add("end_date", "A working group is time-limited: give the date its work ends (YYYY-MM-DD).");
        }
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            errors.Add("end_date", $"The end date {end:yyyy-MM-dd} is before the start date {start:yyyy-MM-dd}.");
        }
        if (ContactEmail.Length > 0 && !IsPlausibleEmail(ContactEmail))
        {
            errors.Add("contact_email", $"'{ContactEmail}' is not an email address; use the form name@example.org.");
        }
        errors.ThrowIfAny();
    }

    private static bool IsPlausibleEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && value.IndexOf('.',
            at) > at + 1 && !value.EndsWith('.') && !value.Any(char.IsWhiteSpace);
    }
}

/// <summary>A person as the group knows them: checked against the membership service before they hold a member role.</summary>
public sealed record PersonIdentity(
    string PersonId,
    string OrganisationId,
    bool RepresentsMember,
    string DisplayName,
    string OrganisationName,
    string Email,
    string Phone);

public sealed record Participant(
    string PersonId,
    string OrganisationId,
    IReadOnlyList<GroupRole> Roles,
    bool RepresentsMember,
    string DisplayName,
    string OrganisationName,
    string Email,
    string Phone,
    DateTimeOffset JoinedAt)
{
    public bool Holds(GroupRole role) => Roles.Contains(role);

    /// <summary>The person as the group knows them.</summary>
    public PersonIdentity ToIdentity() => new(PersonId, OrganisationId, RepresentsMember, DisplayName, OrganisationName, Email, Phone);
}

public sealed record JoinRequest(PersonIdentity Person, DateTimeOffset RequestedAt);
