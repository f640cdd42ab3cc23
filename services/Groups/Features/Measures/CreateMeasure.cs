using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Measures;

public sealed record CreateMeasureCommand(string NetworkId, string MeasureId, string RequestId, MeasureDraft? Measure) : INetworkRequest;

/// <summary>The secretariat adds a measure (or a sub-measure) to the year's action plan, optionally already assigned to a group.</summary>
public sealed class CreateMeasure(GroupsContext context) : IUseCase<CreateMeasureCommand, Versioned<Measure>>
{
    public void Authorize(CreateMeasureCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(CreateMeasureCommand command, Violations violations)
    {
        violations.RequestId("request_id", command.RequestId).NewId("measure_id", command.MeasureId);
        if (command.Measure is null)
        {
            violations.Add("measure", "Send the measure: year and title at least.");
            return;
        }
        violations.MeasureFields(command.Measure);
    }

    public async Task<Versioned<Measure>> HandleAsync(CreateMeasureCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var networkId = command.NetworkId;
        if (await CreateRequest.EarlierResultAsync(context.Store, networkId, "measure", command.RequestId,
            cancellationToken) is { } earlier)
        {
            return await context.Store.RequireAsync(GroupsResources.Measures, networkId, earlier, cancellationToken);
        }
        var input = command.Measure!;
        var id = GroupsRules.IdOrNew(command.MeasureId, "tiltak");
        var milestones = MeasureRules.Milestones(input.Milestones, []);
        var at = context.Now;
        var key = IdempotencyKey.For(nameof(CreateMeasure), caller, command.RequestId, command);
        return await context.Writes.CreateAsync(GroupsResources.Measures, networkId, key, async unit =>
        {
            if (await unit.GetAsync(GroupsCollections.Measures, networkId, id, cancellationToken) is not null)
            {
                throw new AlreadyExistsException(GroupsResources.Measures.ApiType, GroupsResources.Measures.NameOf(networkId, id),
                    $"A measure with id '{id}' already exists; choose another id, or leave measure_id empty.");
            }
            var parent = input.ParentMeasureId.Length == 0
                ? null
                : (await unit.RequireAsync(GroupsResources.Measures, networkId, input.ParentMeasureId, cancellationToken)).Document;
            var measure = GroupsRules.Under("measure.", () =>
                Measure.Create(networkId, id, input.Year, input.Title, input.Description, parent, milestones, at));
            if (input.GroupId.Length > 0)
            {
                var group = await unit.RequireAsync(GroupsResources.Groups, networkId, input.GroupId, cancellationToken);
                measure = measure.AssignTo(group.Document, at);
            }
            return new Change<Measure>(measure, version => Events(measure, version, at));
        }, cancellationToken);
    }

    private static IEnumerable<IDomainEvent> Events(Measure measure, long version, DateTimeOffset at)
    {
        yield return new MeasureCreated(Guid.NewGuid(), at, measure.NetworkId, measure.Id, version, measure.Id, measure.Year, measure.Title,
            measure.ParentMeasureId, measure.GroupId);
        if (measure.GroupId is { } groupId)
        {
            yield return new MeasureAssigned(Guid.NewGuid(), at, measure.NetworkId, measure.Id, version, measure.Id, measure.Year, groupId,
                null);
        }
    }
}
