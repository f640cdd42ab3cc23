using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Peers;

/// <summary>A group as the meetings service needs it. Kind is the groups service's GroupKind name (e.g. "WorkingGroup",
/// "PartnerMeeting").</summary>
public sealed record GroupInfo(string GroupId, string Name, string Kind, bool IsActive, string ContactEmail,
    IReadOnlyList<GroupParticipant> Participants)
{
    /// <summary>The groups the cadence policy applies to: those that carry out measures.</summary>
    public bool IsWorkingBody => Kind is "ThematicGroup" or "WorkingGroup" or "TaskForce" or "ProjectGroup";

    public bool IsOrganiser(string? personId) => personId is not null && Participants.Any(p => p.PersonId == personId && p.IsOrganiser);
}

/// <summary>The groups service, asked over gRPC: who is in a group, which groups a network has, which measures exist.</summary>
public interface IGroupDirectory
{
    /// <summary>NOT_FOUND (as an RpcException) when the group does not exist.</summary>
    Task<GroupInfo> GetGroupAsync(string networkId, string groupId, CancellationToken cancellationToken);

    Task<IReadOnlyList<GroupInfo>> ListGroupsAsync(string networkId, CancellationToken cancellationToken);

    /// <summary>NOT_FOUND for the first of <paramref name="measureIds"/> that is not a measure of the network's action plan.</summary>
    Task EnsureMeasuresExistAsync(string networkId, IReadOnlyCollection<string> measureIds, CancellationToken cancellationToken);
}
