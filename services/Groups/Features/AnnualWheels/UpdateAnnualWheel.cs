using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.AnnualWheels;

/// <summary>A planned activity as the caller sent it (an empty id gets one generated; no meeting: empty).</summary>
public sealed record ActivityDraft(string ActivityId, int Month, string Title, string Description, IReadOnlyList<string> MeasureIds,
    string MeetingId);

public sealed record UpdateAnnualWheelCommand(string NetworkId, string GroupId, int Year, IReadOnlyList<ActivityDraft> Activities,
    string Etag)
    : INetworkRequest
{
    public string NetworkIdField => "wheel.network_id";
}

/// <summary>The group's leader (or the secretariat) replaces the year's planned activities.</summary>
public sealed class UpdateAnnualWheel(GroupsContext context) : IUseCase<UpdateAnnualWheelCommand, Versioned<AnnualWheel>>
{
    // The secretariat or the group's leader: decided on the stored group, in HandleAsync.
    public void Authorize(UpdateAnnualWheelCommand command, Caller caller)
    {
    }

    public void Validate(UpdateAnnualWheelCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Etag("wheel.etag", command.Etag);

    public async Task<Versioned<AnnualWheel>> HandleAsync(UpdateAnnualWheelCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var networkId = command.NetworkId;
        var group = (await context.Store.RequireAsync(GroupsResources.Groups, networkId, command.GroupId, cancellationToken)).Document;
        caller.EnsureSecretariatOrLeader(group);
        var activities = command.Activities.Select(a => new PlannedActivity(
            a.ActivityId.Length == 0 ? Identifiers.New("act") : a.ActivityId, a.Month, a.Title.Trim(), a.Description,
            a.MeasureIds, a.MeetingId.Length == 0 ? null : a.MeetingId)).ToList();
        var linked = new List<Measure>();
        foreach (var measureId in activities.SelectMany(a => a.MeasureIds).Distinct())
        {
            if (await context.Store.GetAsync(GroupsCollections.Measures, networkId, measureId, cancellationToken) is { } measure)
            {
                linked.Add(measure.Document);
            }
        }
        var at = context.Now;
        var wheel = GroupsRules.Under("wheel.", () => AnnualWheel.Plan(networkId, group, command.Year, activities, linked, at));
        var documentId = AnnualWheel.DocumentId(wheel.GroupId, wheel.Year);
        var change = Change<AnnualWheel>.With(wheel, version => new AnnualWheelUpdated(Guid.NewGuid(), at, wheel.NetworkId, wheel.GroupId,
            version,
            wheel.GroupId, wheel.Year, [.. wheel.Activities.Select(a => new AnnualWheelActivity(a.Id, a.Month, a.Title, a.MeasureIds,
                a.MeetingId))]));
        var resource = GroupsResources.AnnualWheels;
        return await context.Writes.InUnitAsync(async unit =>
        {
            var current = await unit.GetForUpdateAsync(resource.Collection, networkId, documentId, cancellationToken);
            return current is null
                ? await unit.InsertAsync(resource, networkId, change, cancellationToken)
                : await unit.ReplaceAsync(resource, networkId, change, current.ExpectedVersion(resource, networkId, documentId,
                    command.Etag),
                    cancellationToken);
        }, cancellationToken);
    }
}
