using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.AnnualWheels;

/// <param name="Year">The year; 0 for this year.</param>
public sealed record GetAnnualWheelQuery(string NetworkId, string GroupId, int Year) : INetworkRequest;

/// <summary>A group's annual wheel for a year; an empty one (version 0) while nothing is planned.</summary>
public sealed class GetAnnualWheel(GroupsContext context) : IUseCase<GetAnnualWheelQuery, Versioned<AnnualWheel>>
{
    public void Authorize(GetAnnualWheelQuery query, Caller caller)
    {
    }

    public void Validate(GetAnnualWheelQuery query, Violations violations) => violations.GroupId(query.GroupId);

    public async Task<Versioned<AnnualWheel>> HandleAsync(GetAnnualWheelQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var year = query.Year == 0 ? context.Now.Year : query.Year;
        var group = (await context.Store.RequireAsync(GroupsResources.Groups, query.NetworkId, query.GroupId, cancellationToken)).Document;
        return await context.Store.GetAsync(GroupsCollections.AnnualWheels, query.NetworkId, AnnualWheel.DocumentId(group.Id, year),
            cancellationToken)
            ?? new Versioned<AnnualWheel>(AnnualWheel.Empty(group, year), 0);
    }
}
