namespace NetworkPlatform.Groups.Domain;

public enum SizeAssessment
{
    WithinGuidance,
    TooSmall,
    TooLarge,
}

/// <summary>
/// How many participants suit each kind of group. The source texts ask for "enough actors, but not too many" (002):
/// small bodies for concrete, bounded tasks; larger ones for thematic exchange. Maximum 0 means no upper bound.
/// </summary>
public sealed record SizeGuidance(int Minimum, int Maximum, int ParticipantCount)
{
    public static (int Minimum, int Maximum) For(GroupKind kind) => kind switch
    {
        GroupKind.WorkingGroup => (3, 8),
        GroupKind.TaskForce => (4, 12),
        GroupKind.ThematicGroup => (4, 20),
        GroupKind.SubNetwork => (3, 0),
        GroupKind.SteeringGroup => (4, 12),
        GroupKind.PartnerMeeting => (2, 0),
        GroupKind.WorkingCommittee => (3, 7),
        GroupKind.Secretariat => (1, 8),
        GroupKind.GroupLeaderForum => (2, 0),
        GroupKind.ReferenceGroup => (3, 12),
        GroupKind.ProjectGroup => (3, 8),
        GroupKind.ReflectionGroup => (3, 8),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static SizeGuidance Assess(GroupKind kind, int participantCount)
    {
        var (minimum, maximum) = For(kind);
        return new SizeGuidance(minimum, maximum, participantCount);
    }

    public SizeAssessment Assessment =>
        ParticipantCount < Minimum ? SizeAssessment.TooSmall
        : Maximum > 0 && ParticipantCount > Maximum ? SizeAssessment.TooLarge
        : SizeAssessment.WithinGuidance;

    public string? Warning => Assessment switch
    {
        SizeAssessment.TooSmall
            => $"The group has {ParticipantCount} participant(s); groups of this kind work best with at least {Minimum}. Invite more " +
                "partners.",
        SizeAssessment.TooLarge
            => $"The group has {ParticipantCount} participants; groups of this kind work best with at most {Maximum}. Consider splitting " +
                "the work.",
        _ => null,
    };
}
