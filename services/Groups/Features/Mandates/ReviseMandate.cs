using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using Group = NetworkPlatform.Groups.Domain.Group;

namespace NetworkPlatform.Groups.Features.Mandates;

/// <summary>The secretariat records a new mandate version approved by a governing body; earlier versions stay in the history.</summary>
public sealed class ReviseMandate(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Group>> HandleAsync(ReviseMandateRequest request, Caller caller, CancellationToken cancellationToken)
    {
        GroupWrites.RequireIds(request.NetworkId, request.GroupId);
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        var terms = MandateInput.Terms(request.Mandate);
        await MandateInput.EnsureGoverningBodyAsync(store, request.NetworkId, request.GroupId, terms, cancellationToken);
        var at = clock.GetUtcNow();
        return await store.ChangeGroupAsync(request.NetworkId, request.GroupId, request.Etag, group =>
        {
            var changed = MandateInput.Apply(() => group.ReviseMandate(terms, new Decision(caller.Subject, terms.DecisionReference, "", at)));
            var mandate = changed.CurrentMandate!;
            return new GroupChange(changed, version => [new MandateRevised(Guid.NewGuid(), at, changed.NetworkId, changed.Id, version,
                changed.Id, mandate.Version, terms.Purpose, terms.ApprovedByGroupId, terms.DecisionReference, terms.StartDate, terms.EndDate)]);
        }, cancellationToken);
    }
}
