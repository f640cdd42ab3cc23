namespace NetworkPlatform.Meetings.Domain;

public enum AttendanceStatus
{
    Present,
    Absent,
    Excused,
}

public sealed record AttendanceEntry(string PersonId, string Name, AttendanceStatus Status);

/// <summary>How many of the invited participants must be present for the meeting to decide (vedtaksfør).</summary>
public sealed record QuorumRule(double MinimumPresentShare = 0.5)
{
    public int RequiredPresent(int invitedParticipants) =>
        invitedParticipants == 0 ? 0 : Math.Max(1, (int)Math.Ceiling(MinimumPresentShare * invitedParticipants));
}

public sealed record Quorum(int InvitedParticipants, int Present, int Required)
{
    public bool Reached => Present >= Required && Present > 0;
}
