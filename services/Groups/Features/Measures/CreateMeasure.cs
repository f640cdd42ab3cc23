using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Features.Groups;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

/// <summary>The secretariat adds a measure (or a sub-measure) to the year's action plan, optionally already assigned to a group.</summary>
public sealed class CreateMeasure(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<Measure>> HandleAsync(CreateMeasureRequest request, Caller caller, CancellationToken cancellationToken)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureSecretariat();
        var input = request.Measure ?? throw new InvalidFieldsException("measure", "Send the measure: year and title at least.");
        var errors = new List<FieldError>();
        var id = GroupInput.IdOrNew(request.MeasureId, "measure_id", "tiltak", errors);
        var milestones = MeasureInput.Milestones(input.Milestones, [], errors);
        InvalidFieldsException.ThrowIfAny(errors);
        var at = clock.GetUtcNow();

        await using var unitOfWork = await store.BeginAsync(cancellationToken);
        var requestKey = $"measure:{request.RequestId}";
        if (request.RequestId.Length > 0 && await unitOfWork.GetAsync(GroupsCollections.CreateRequests, request.NetworkId, requestKey, cancellationToken) is { } earlier)
        {
            return await unitOfWork.LoadAsync(GroupsCollections.Measures, request.NetworkId, earlier.Document.ResourceId, cancellationToken);
        }
        if (await unitOfWork.GetAsync(GroupsCollections.Measures, request.NetworkId, id, cancellationToken) is not null)
        {
            throw new DuplicateResourceException("Measure", id, $"A measure with id '{id}' already exists; choose another id, or leave measure_id empty.");
        }
        var parent = input.ParentMeasureId.Length == 0 ? null
            : (await unitOfWork.LoadAsync(GroupsCollections.Measures, request.NetworkId, input.ParentMeasureId, cancellationToken)).Document;
        var measure = MeasureInput.Apply(() => Measure.Create(request.NetworkId, id, input.Year, input.Title, input.Description, parent, milestones, at));
        if (input.GroupId.Length > 0)
        {
            var group = await unitOfWork.LoadAsync(GroupsCollections.Groups, request.NetworkId, input.GroupId, cancellationToken);
            measure = measure.AssignTo(group.Document, at);
        }
        var version = await unitOfWork.InsertAsync(GroupsCollections.Measures, request.NetworkId, measure, cancellationToken);
        if (request.RequestId.Length > 0)
        {
            await unitOfWork.InsertAsync(GroupsCollections.CreateRequests, request.NetworkId, new CreateRequest(requestKey, id), cancellationToken);
        }
        await unitOfWork.PublishAsync(new MeasureCreated(Guid.NewGuid(), at, request.NetworkId, id, version, id, measure.Year, measure.Title, measure.ParentMeasureId, measure.GroupId), cancellationToken);
        if (measure.GroupId is { } groupId)
        {
            await unitOfWork.PublishAsync(new MeasureAssigned(Guid.NewGuid(), at, request.NetworkId, id, version, id, measure.Year, groupId, null), cancellationToken);
        }
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Measure>(measure, version);
    }
}
