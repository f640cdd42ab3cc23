using System.Text.Json.Serialization;

namespace NetworkPlatform.Reporting.Domain;

public enum LearningKind
{
    EverydayLearning,
    PeerGuidance,
    ReflectionGroup,
    InternalTeaching,
    JobRotation,
    MentorScheme,
    KnowledgeTransferAfterCourse,
}

/// <summary>A learning activity at the workplace (004), logged for an organisation or a group; logged once, never changed.</summary>
public sealed record LearningActivity
{
    [JsonConstructor]
    private LearningActivity()
    {
    }

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    [JsonInclude]
    public string ActivityId { get; private init; } = "";

    [JsonInclude]
    public LearningKind Kind { get; private init; }

    [JsonInclude]
    public string? OrganisationId { get; private init; }

    [JsonInclude]
    public string? GroupId { get; private init; }

    [JsonInclude]
    public DateOnly Date { get; private init; }

    [JsonInclude]
    public decimal Hours { get; private init; }

    [JsonInclude]
    public int Participants { get; private init; }

    [JsonInclude]
    public string Description { get; private init; } = "";

    public static LearningActivity Log(string networkId, string activityId, LearningKind kind, string? organisationId, string? groupId,
        DateOnly date, decimal hours, int participants, string description) => new()
        {
            NetworkId = networkId,
            ActivityId = activityId,
            Kind = kind,
            OrganisationId = organisationId,
            GroupId = groupId,
            Date = date,
            Hours = hours,
            Participants = participants,
            Description = description,
        };
}
