using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Networks;

/// <param name="UpdateMask">The detail fields to change (empty: all of them).</param>
public sealed record UpdateNetworkCommand(string NetworkId, string Etag, IReadOnlyList<string> UpdateMask,
    NetworkInput Network) : INetworkRequest
{
    public string NetworkIdField => "network.id";
}

/// <summary>The secretariat updates its network's descriptive fields (field mask + etag).</summary>
public sealed class UpdateNetwork(MembershipContext context) : IUseCase<UpdateNetworkCommand, Versioned<Network>>
{
    public void Authorize(UpdateNetworkCommand command, Caller caller) => Authorisation.EnsureSecretariat(caller);

    public void Validate(UpdateNetworkCommand command, Violations violations) => violations
        .Etag("network.etag", command.Etag)
        .UpdateMask("update_mask", command.UpdateMask, NetworkDetails.Fields.Updatable)
        .NetworkDetails("network", command.Network, UpdateMasks.Effective(command.UpdateMask, NetworkDetails.Fields.Updatable));

    public Task<Versioned<Network>> HandleAsync(UpdateNetworkCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.ChangeAsync(MembershipResources.Networks, command.NetworkId, command.NetworkId, command.Etag, network =>
            Change<Network>.Quiet(network.Update(command.Network.Details(),
                UpdateMasks.Effective(command.UpdateMask, NetworkDetails.Fields.Updatable), context.Now)), cancellationToken);
}
