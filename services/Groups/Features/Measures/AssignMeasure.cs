using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

public sealed record AssignMeasureCommand(string NetworkId, string MeasureId, string GroupId, string Etag) : INetworkRequest;

/// <summary>The secretariat gives a measure to a group (taking it from its previous owner, if any).</summary>
public sealed class AssignMeasure(GroupsContext context) : IUseCase<AssignMeasureCommand, Versioned<Measure>>
{
    public void Authorize(AssignMeasureCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(AssignMeasureCommand command, Violations violations) => violations
        .MeasureId(command.MeasureId)
        .Etag("etag", command.Etag)
        .Named("group_id", command.GroupId, "Name the group that takes the measure.");

    public async Task<Versioned<Measure>> HandleAsync(AssignMeasureCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var group = (await context.Store.RequireAsync(GroupsResources.Groups, command.NetworkId, command.GroupId,
            cancellationToken)).Document;
        var at = context.Now;
        return await context.Writes.ChangeAsync(GroupsResources.Measures, command.NetworkId, command.MeasureId, command.Etag, measure =>
        {
            var assigned = measure.AssignTo(group, at);
            return Change<Measure>.With(assigned, version => new MeasureAssigned(Guid.NewGuid(), at, command.NetworkId, measure.Id, version,
                measure.Id, measure.Year, group.Id, measure.GroupId));
        }, cancellationToken);
    }
}
