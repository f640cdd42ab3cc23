using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using AnnualWheel = NetworkPlatform.Groups.Domain.AnnualWheel;
using Measure = NetworkPlatform.Groups.Domain.Measure;
using PlannedActivity = NetworkPlatform.Groups.Domain.PlannedActivity;

namespace NetworkPlatform.Groups.Features.AnnualWheels;

/// <summary>The group's leader (or the secretariat) replaces the year's planned activities.</summary>
public sealed class UpdateAnnualWheel(IDocumentStore store, TimeProvider clock)
{
    public async Task<Versioned<AnnualWheel>> HandleAsync(UpdateAnnualWheelRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var input = request.Wheel ?? throw new InvalidFieldsException("wheel", "Send the wheel: network_id, group_id, year and its activities.");
        GroupWrites.RequireIds(input.NetworkId, input.GroupId);
        caller.EnsureNetwork(input.NetworkId);
        var group = await store.LoadAsync(GroupsCollections.Groups, input.NetworkId, input.GroupId, cancellationToken);
        caller.EnsureSecretariatOrLeader(group.Document);

        var activities = input.Activities.Select(a => new PlannedActivity(
            a.ActivityId.Length == 0 ? Identifiers.New("act") : a.ActivityId, a.Month, a.Title.Trim(), a.Description,
            [.. a.MeasureIds], a.MeetingId.Length == 0 ? null : a.MeetingId)).ToList();
        var linked = new List<Measure>();
        foreach (var measureId in activities.SelectMany(a => a.MeasureIds).Distinct())
        {
            if (await store.GetAsync(GroupsCollections.Measures, input.NetworkId, measureId, cancellationToken) is { } measure)
            {
                linked.Add(measure.Document);
            }
        }
        var at = clock.GetUtcNow();
        AnnualWheel wheel;
        try
        {
            wheel = AnnualWheel.Plan(input.NetworkId, group.Document, input.Year, activities, linked, at);
        }
        catch (InvalidFieldsException e)
        {
            throw e.WithPrefix("wheel.");
        }

        await using var unitOfWork = await store.BeginAsync(cancellationToken);
        var documentId = AnnualWheel.DocumentId(wheel.GroupId, wheel.Year);
        var current = await unitOfWork.GetAsync(GroupsCollections.AnnualWheels, input.NetworkId, documentId, cancellationToken);
        var version = current is null
            ? await unitOfWork.InsertAsync(GroupsCollections.AnnualWheels, input.NetworkId, wheel, cancellationToken)
            : await unitOfWork.ReplaceAsync(GroupsCollections.AnnualWheels, input.NetworkId, wheel, current.ExpectedVersion(input.Etag, $"annual-wheels/{documentId}"), cancellationToken);
        await unitOfWork.PublishAsync(new AnnualWheelUpdated(Guid.NewGuid(), at, wheel.NetworkId, wheel.GroupId, version, wheel.GroupId, wheel.Year,
            [.. wheel.Activities.Select(a => new AnnualWheelActivity(a.Id, a.Month, a.Title, a.MeasureIds, a.MeetingId))]), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<AnnualWheel>(wheel, version);
    }
}
