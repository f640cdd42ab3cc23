namespace NetworkPlatform.Membership.Domain;

public enum MembershipState
{
    None,
    Applied,
    Active,
    Suspended,
    Resigned,
}

public enum MembershipAction
{
    Apply,
    Approve,
    Suspend,
    Reinstate,
    Resign,
}

/// <summary>One step of the lifecycle: from, to, who decided, when and why.</summary>
public sealed record MembershipStep(MembershipState From, MembershipState To, string DecidedBy, DateTimeOffset At, string Reason);

/// <summary>
/// The membership lifecycle: none -> applied -> active -> suspended -> active (reinstated), and applied / active /
/// suspended -> resigned; a resigned organisation may apply again.
/// </summary>
public sealed record MembershipLifecycle(MembershipState State, IReadOnlyList<MembershipStep> History)
{
    public static MembershipLifecycle None { get; } = new(MembershipState.None, []);

    /// <summary>The state an action leads to from <paramref name="from"/>, or a stable refusal reason.</summary>
    public static (MembershipState? To, string? Refusal) Transition(MembershipState from, MembershipAction action) => (action, from) switch
    {
        (MembershipAction.Apply, MembershipState.None or MembershipState.Resigned) => (MembershipState.Applied, null),
        (MembershipAction.Apply, MembershipState.Applied) => (null, "MEMBERSHIP_ALREADY_APPLIED"),
        (MembershipAction.Apply, _) => (null, "MEMBERSHIP_ALREADY_MEMBER"),
        (MembershipAction.Approve, MembershipState.Applied) => (MembershipState.Active, null),
        (MembershipAction.Approve, MembershipState.Active) => (null, "MEMBERSHIP_ALREADY_ACTIVE"),
        (MembershipAction.Approve, MembershipState.Suspended) => (null, "MEMBERSHIP_SUSPENDED"),
        (MembershipAction.Approve, _) => (null, "MEMBERSHIP_NOT_APPLIED"),
        (MembershipAction.Suspend, MembershipState.Active) => (MembershipState.Suspended, null),
        (MembershipAction.Suspend, MembershipState.Suspended) => (null, "MEMBERSHIP_ALREADY_SUSPENDED"),
        (MembershipAction.Suspend, _) => (null, "MEMBERSHIP_NOT_ACTIVE"),
        (MembershipAction.Reinstate, MembershipState.Suspended) => (MembershipState.Active, null),
        (MembershipAction.Reinstate, MembershipState.Active) => (null, "MEMBERSHIP_ALREADY_ACTIVE"),
        (MembershipAction.Reinstate, _) => (null, "MEMBERSHIP_NOT_SUSPENDED"),
        (MembershipAction.Resign, MembershipState.Applied or MembershipState.Active or MembershipState.Suspended) =>
            (MembershipState.Resigned, null),
        (MembershipAction.Resign, MembershipState.Resigned) => (null, "MEMBERSHIP_ALREADY_RESIGNED"),
        (MembershipAction.Resign, _) => (null, "MEMBERSHIP_NOT_STARTED"),
        _ => (null, "MEMBERSHIP_TRANSITION_NOT_ALLOWED"),
    };

    /// <summary>What the caller can do instead, for error messages.</summary>
    public static string Allowed(MembershipState from) => from switch
    {
        MembershipState.None => "Apply for membership first.",
        MembershipState.Applied => "It can be approved, or withdrawn by resigning.",
        MembershipState.Active => "It can be suspended or resigned.",
        MembershipState.Suspended => "It can be reinstated or resigned.",
        _ => "The organisation can apply again.",
    };
}
