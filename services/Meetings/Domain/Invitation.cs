namespace NetworkPlatform.Meetings.Domain;

public enum RsvpAnswer
{
    NoReply,
    Accepted,
    Declined,
    Tentative,
}

public enum CopyKind
{
    To,
    Cc,
}

/// <summary>One addressee of a meeting's invitation and their answer.</summary>
public sealed record Invitation
{
    public required Recipient Recipient { get; init; }

    public required CopyKind Copy { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public RsvpAnswer Answer { get; init; } = RsvpAnswer.NoReply;

    public string RsvpComment { get; init; } = "";

    public DateTimeOffset? AnsweredAt { get; init; }
}
