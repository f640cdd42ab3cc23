using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>Any caller of the network reads a group (contact details are filtered when it is shown).</summary>
public sealed class GetGroup(IDocumentStore store)
{
    public async Task<Versioned<Group>> HandleAsync(GetGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        return await store.LoadAsync(GroupsCollections.Groups, request.NetworkId, request.GroupId, cancellationToken);
    }
}
