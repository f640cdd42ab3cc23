using System.Text.Json.Serialization;

namespace NetworkPlatform.Membership.Domain;

/// <summary>
/// A copy of one person's place in one group, kept from the groups service's events: who is in which group with which
/// roles. The membership service needs it to let group leaders see the personal data of their groups' members.
/// </summary>
public sealed record GroupParticipation
{
    /// <summary>The groups service's role name (GroupRole.Leader) as its events carry it.</summary>
    public const string LeaderRole = "Leader";

    [JsonConstructor]
    private GroupParticipation()
    {
    }

    [JsonInclude]
    public string GroupId { get; private init; } = "";

    [JsonInclude]
    public string PersonId { get; private init; } = "";

    [JsonInclude]
    public IReadOnlyList<string> Roles { get; private init; } = [];

    [JsonIgnore]
    public bool Leads => Roles.Contains(LeaderRole);

    /// <summary>A person in a group, with no role yet.</summary>
    public static GroupParticipation Join(string groupId, string personId) => new() { GroupId = groupId, PersonId = personId };

    public GroupParticipation WithRole(string role) => Roles.Contains(role) ? this : this with { Roles = [.. Roles, role] };

    public GroupParticipation WithoutRole(string role) =>
        Roles.Contains(role) ? this with { Roles = Roles.Where(r => r != role).ToList() } : this;
}
