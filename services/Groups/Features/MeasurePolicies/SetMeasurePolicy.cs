using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.MeasurePolicies;

/// <param name="GroupKinds">The kinds the policy applies to (null: unspecified); empty for the default.</param>
public sealed record SetMeasurePolicyCommand(string NetworkId, int MeasuresPerGroup, IReadOnlyList<GroupKind?> GroupKinds, string Etag)
    : INetworkRequest
{
    public string NetworkIdField => "policy.network_id";
}

/// <summary>The secretariat sets how many measures each group of which kinds owns per year.</summary>
public sealed class SetMeasurePolicy(GroupsContext context) : IUseCase<SetMeasurePolicyCommand, Versioned<MeasurePolicy>>
{
    public void Authorize(SetMeasurePolicyCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(SetMeasurePolicyCommand command, Violations violations) => violations
        .Etag("policy.etag", command.Etag)
        .Require(command.GroupKinds.All(k => k is { } kind && Enum.IsDefined(kind)), "policy.group_kinds",
            "Name group kinds such as GROUP_KIND_WORKING_GROUP; leave the list empty for the default.");

    public Task<Versioned<MeasurePolicy>> HandleAsync(SetMeasurePolicyCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var policy = GroupsRules.Under("policy.", () =>
            MeasurePolicy.Create(command.NetworkId, command.MeasuresPerGroup, [.. command.GroupKinds.Select(k => k!.Value)]));
        var resource = GroupsResources.MeasurePolicies;
        return context.Writes.InUnitAsync(async unit =>
        {
            var current = await unit.GetForUpdateAsync(resource.Collection, command.NetworkId, MeasurePolicy.DocumentId, cancellationToken);
            return current is null
                ? await unit.InsertAsync(resource, command.NetworkId, Change<MeasurePolicy>.Quiet(policy), cancellationToken)
                : await unit.ReplaceAsync(resource, command.NetworkId, Change<MeasurePolicy>.Quiet(policy),
                    current.ExpectedVersion(resource, command.NetworkId, MeasurePolicy.DocumentId, command.Etag), cancellationToken);
        }, cancellationToken);
    }
}
