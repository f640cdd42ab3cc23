using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Storage;
using MeasurePolicy = NetworkPlatform.Groups.Domain.MeasurePolicy;

namespace NetworkPlatform.Groups.Features.MeasurePolicies;

/// <summary>The secretariat sets how many measures each group of which kinds owns per year.</summary>
public sealed class SetMeasurePolicy(IDocumentStore store)
{
    public async Task<Versioned<MeasurePolicy>> HandleAsync(SetMeasurePolicyRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Policy ?? throw new InvalidFieldsException("policy", "Send the policy: network_id and measures_per_group.");
        caller.EnsureNetwork(input.NetworkId);
        caller.EnsureSecretariat();
        if (input.GroupKinds.Any(k => !k.IsDefinedValue()))
        {
            throw new InvalidFieldsException("policy.group_kinds", "Name group kinds such as GROUP_KIND_WORKING_GROUP; leave the list empty for the default.");
        }
        MeasurePolicy policy;
        try
        {
            policy = MeasurePolicy.Create(input.NetworkId, input.MeasuresPerGroup, [.. input.GroupKinds.Select(k => k.ToDomain()!.Value)]);
        }
        catch (InvalidFieldsException e)
        {
            throw e.WithPrefix("policy.");
        }
        await using var unitOfWork = await store.BeginAsync(cancellationToken);
        var current = await unitOfWork.GetAsync(GroupsCollections.MeasurePolicies, input.NetworkId, MeasurePolicy.DocumentId, cancellationToken);
        var version = current is null
            ? await unitOfWork.InsertAsync(GroupsCollections.MeasurePolicies, input.NetworkId, policy, cancellationToken)
            : await unitOfWork.ReplaceAsync(GroupsCollections.MeasurePolicies, input.NetworkId, policy, current.ExpectedVersion(input.Etag, "measure-policy"), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<MeasurePolicy>(policy, version);
    }
}
