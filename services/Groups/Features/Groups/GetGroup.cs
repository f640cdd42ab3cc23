using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Groups;

public sealed record GetGroupQuery(string NetworkId, string GroupId) : INetworkRequest;

/// <summary>Any caller of the network reads a group (contact details are filtered when it is shown).</summary>
public sealed class GetGroup(GroupsContext context) : IUseCase<GetGroupQuery, Versioned<Group>>
{
    public void Authorize(GetGroupQuery query, Caller caller)
    {
    }

    public void Validate(GetGroupQuery query, Violations violations) => violations.GroupId(query.GroupId);

    public Task<Versioned<Group>> HandleAsync(GetGroupQuery query, Caller caller, CancellationToken cancellationToken) =>
        context.Store.RequireAsync(GroupsResources.Groups, query.NetworkId, query.GroupId, cancellationToken);
}
