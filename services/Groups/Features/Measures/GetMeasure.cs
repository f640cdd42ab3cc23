using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

public sealed record GetMeasureQuery(string NetworkId, string MeasureId) : INetworkRequest;

/// <summary>Any caller of the network reads a measure of the action plan.</summary>
public sealed class GetMeasure(GroupsContext context) : IUseCase<GetMeasureQuery, Versioned<Measure>>
{
    public void Authorize(GetMeasureQuery query, Caller caller)
    {
    }

    public void Validate(GetMeasureQuery query, Violations violations) => violations.MeasureId(query.MeasureId);

    public Task<Versioned<Measure>> HandleAsync(GetMeasureQuery query, Caller caller, CancellationToken cancellationToken) =>
        context.Store.RequireAsync(GroupsResources.Measures, query.NetworkId, query.MeasureId, cancellationToken);
}
