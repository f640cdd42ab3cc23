using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Mandates;

/// <summary>The secretariat records a governing body's approval of a proposed group's first mandate.</summary>
public sealed class ApproveMandate(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(ApproveMandateRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        var terms = MandateInput.Terms(request.Mandate);
        await MandateInput.EnsureGoverningBodyAsync(store, request.NetworkId, request.GroupId, terms, cancellationToken);
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, request.Etag, group =>
        {
            var changed = MandateInput.Apply(() => group.ApproveMandate(terms, new Decision(caller.Subject, terms.DecisionReference, "", at)));
            var mandate = changed.CurrentMandate!;
            return new GroupChange(changed, version => [new MandateApproved(Guid.NewGuid(), at, changed.NetworkId, changed.Id, version,
                changed.Id, mandate.Version, terms.Purpose, terms.ApprovedByGroupId, terms.DecisionReference, terms.StartDate, terms.EndDate)]);
        }, cancellationToken);
    }
}
