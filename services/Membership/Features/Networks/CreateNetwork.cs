using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Networks;

/// <summary>Not an <see cref="INetworkRequest"/>: the network does not exist yet, and operators create tenants.</summary>
public sealed record CreateNetworkCommand(string RequestId, string NetworkId, NetworkInput Network);

/// <summary>A platform operator creates a network (a new tenant); its id is the slug the caller chose.</summary>
public sealed class CreateNetwork(MembershipContext context) : IUseCase<CreateNetworkCommand, Versioned<Network>>
{
    public void Authorize(CreateNetworkCommand command, Caller caller) => caller.EnsureAnyRole(Roles.Operator);

    public void Validate(CreateNetworkCommand command, Violations violations) => violations
        .RequestId("request_id", command.RequestId)
        .NetworkId("network.id", command.NetworkId)
        .NetworkDetails("network", command.Network);

    /// <summary>A retry with the same request_id returns the network; any other create of an existing id is ALREADY_EXISTS.</summary>
    public Task<Versioned<Network>> HandleAsync(CreateNetworkCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var resource = MembershipResources.Networks;
        var key = IdempotencyKey.For(nameof(CreateNetwork), caller, command.RequestId, command);
        return context.Writes.CreateAsync(resource, command.NetworkId, key, async unit =>
        {
            if (await unit.GetAsync(resource.Collection, command.NetworkId, command.NetworkId, cancellationToken) is not null)
            {
                throw new AlreadyExistsException(resource.ApiType, resource.NameOf(command.NetworkId, command.NetworkId),
                    $"Network '{command.NetworkId}' already exists; get it instead of creating it again.");
            }
            return Change<Network>.Quiet(Network.Create(command.NetworkId, command.Network.Details(), context.Now));
        }, cancellationToken);
    }
}
