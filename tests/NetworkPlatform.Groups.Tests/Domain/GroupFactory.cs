using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Tests.Domain;

/// <summary>Groups and people in known states for domain tests.</summary>
internal static class GroupFactory
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 10, 0, 0, TimeSpan.Zero);

    public static Decision Decision(string reference = "Partnermøtet 12.03.2026 sak 14/26") => new("secretariat-user", reference, "", Now);

    public static GroupDetails Details(GroupKind kind = GroupKind.WorkingGroup, JoinPolicy policy = JoinPolicy.Open) =>
        new("Arbeidsgruppe digital mobbing", "", kind, GroupScope.National, policy, new DateOnly(2026, 1, 1),
            kind == GroupKind.WorkingGroup ? new DateOnly(2026, 12, 31) : null, "");

    public static MandateTerms Terms(string approvedBy = "partner-meeting") =>
        new("Redusere digital mobbing", "Nasjonalt", ["Utvikle veileder"], ["Veileder"], ["Rapport til partnermøtet"],
            new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), approvedBy, "Partnermøtet 12.03.2026 sak 14/26");

    public static PersonIdentity Representative(string personId, string organisationId = "org-oslo") =>
        new(personId, organisationId, true, $"Person {personId}", "Oslo kommune", $"{personId}@example.org", "+47 22000000");

    public static PersonIdentity External(string personId) =>
        new(personId, "udir", false, $"Expert {personId}", "Utdanningsdirektoratet", "", "");

    public static Group Proposed(GroupKind kind = GroupKind.WorkingGroup, JoinPolicy policy = JoinPolicy.Open, string id = "wg-1") =>
        Group.Propose("net-1", id, Details(kind, policy), Decision(""));

    public static Group Mandated(GroupKind kind = GroupKind.WorkingGroup, JoinPolicy policy = JoinPolicy.Open, string id = "wg-1") =>
        Proposed(kind, policy, id).ApproveMandate(Terms(), Decision());

    public static Group Active(GroupKind kind = GroupKind.WorkingGroup, JoinPolicy policy = JoinPolicy.Open, string id = "wg-1") =>
        Mandated(kind, policy, id).AssignRole(Representative("leader"), GroupRole.Leader, Now).Group.Activate(Decision());
}
