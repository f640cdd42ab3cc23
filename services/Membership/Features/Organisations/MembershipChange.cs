using NetworkPlatform.Events;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>The shape every membership step shares: load, check the etag, apply the domain step, store, publish.</summary>
internal static class MembershipChange
{
    public static void Validate(Validation validation, string networkId, string organisationId, string etag, string reason, bool reasonRequired)
    {
        validation.NetworkId("network_id", networkId).Id("organisation_id", organisationId).Etag("etag", etag);
        if (reasonRequired)
        {
            validation.Required("reason", reason, 2000);
        }
        else
        {
            validation.MaxLength("reason", reason, 2000);
        }
        validation.ThrowIfInvalid();
    }

    public static async Task<Versioned<Organisation>> RunAsync(
        MembershipContext context, string networkId, string organisationId, string etag,
        Func<Organisation, Organisation> step, Func<Organisation, long, IDomainEvent> happened, CancellationToken cancellationToken)
    {
        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Organisations, networkId, organisationId, cancellationToken);
        var expected = current.ExpectedVersion(MembershipCollections.Organisations, etag);
        var changed = step(current.Document);
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.Organisations, networkId, changed, expected, cancellationToken);
        await unitOfWork.PublishAsync(happened(changed, version), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Organisation>(changed, version);
    }
}
