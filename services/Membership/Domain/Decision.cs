namespace NetworkPlatform.Membership.Domain;

/// <summary>Who decided a step, when and why.</summary>
public sealed record Decision(string DecidedBy, DateTimeOffset At, string Reason);
