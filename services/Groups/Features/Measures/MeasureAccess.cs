using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

public static class MeasureAccess
{
    /// <summary>The secretariat, or the leader of the group that owns the measure.</summary>
    public static async Task EnsureSecretariatOrOwnerLeaderAsync(IDocumentStore store, Caller caller, Measure measure, CancellationToken cancellationToken)
    {
        if (caller.HasRole(Roles.Secretariat))
        {
            return;
        }
        var owner = measure.GroupId is null ? null : await store.GetAsync(GroupsCollections.Groups, measure.NetworkId, measure.GroupId, cancellationToken);
        if (owner is null || !caller.IsLeaderOf(owner.Document))
        {
            throw RpcErrors.PermissionDenied("LEADER_OR_SECRETARIAT_REQUIRED",
                $"Only the secretariat or the leader of the group that owns measure '{measure.Id}' may change it; ask one of them.");
        }
    }
}
