using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Groups;

/// <summary>The secretariat registers a standing governing body (partner meeting, steering group ...), active at once.</summary>
public sealed class CreateGroup(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(CreateGroupRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        var errors = new List<FieldError>();
        var details = GroupInput.Details(request.Group, errors);
        var id = GroupInput.IdOrNew(request.GroupId, "group_id", "grp", errors);
        InvalidFieldsException.ThrowIfAny(errors);
        var decision = new Decision(caller.Subject, "", "Standing body registered by the secretariat", clock.GetUtcNow());
        var group = GroupInput.Build(() => Group.RegisterStandingBody(request.NetworkId, id, details, decision));
        return await GroupCreation.CreateAsync(store, group, request.RequestId, caller.Subject, cancellationToken);
    }
}
