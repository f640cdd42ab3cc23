using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Year">0: this year in the network's time zone.</param>
public sealed record CheckCadenceCommand(string NetworkId, int Year) : INetworkRequest;

/// <summary>Evaluates compliance and publishes CadenceBreached once for each requirement that has become overdue.</summary>
public sealed class CheckCadence(MeetingsContext context, GetCadenceCompliance compliance)
    : IUseCase<CheckCadenceCommand, IReadOnlyList<GroupCompliance>>
{
    public void Authorize(CheckCadenceCommand command, Caller caller) => Access.EnsureSecretariat(caller);

    public void Validate(CheckCadenceCommand command, Violations violations) => violations.Year(command.Year);

    public async Task<IReadOnlyList<GroupCompliance>> HandleAsync(CheckCadenceCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var networkId = command.NetworkId;
        var results = await compliance.EvaluateAsync(networkId, command.Year, "", cancellationToken);
        var now = context.Now;
        foreach (var (group, report) in results)
        {
            var overdue = report.Requirements.Where(r => r.State == CadenceState.Overdue).ToList();
            if (overdue.Count == 0)
            {
                continue;
            }
            // Which breaches of the group's year were published is kept beside them, so each is published once.
            await context.Writes.InUnitAsync(async unit =>
            {
                var id = CadenceRecord.IdFor(group.GroupId, report.Year);
                var stored = await unit.GetForUpdateAsync(MeetingsCollections.Cadence, networkId, id, cancellationToken);
                var known = stored?.Document.BreachedKeys.ToHashSet() ?? [];
                var fresh = overdue.Where(r => !known.Contains(r.Key)).ToList();
                if (fresh.Count == 0)
                {
                    return 0;
                }
                var record = new CadenceRecord(id, [.. known, .. fresh.Select(r => r.Key)]);
                var version = stored is null
                    ? await unit.InsertAsync(MeetingsCollections.Cadence, networkId, record, cancellationToken)
                    : await unit.ReplaceAsync(MeetingsCollections.Cadence, networkId, record, stored.Version, cancellationToken);
                foreach (var breach in fresh)
                {
                    await unit.PublishAsync(new CadenceBreached(MeetingsContext.NewEventId(), now, networkId, group.GroupId, version,
                        group.GroupId,
                        report.Year, breach.Kind.ToString(), breach.WindowStart, breach.WindowEnd, breach.PartnerMeetingId),
                            cancellationToken);
                }
                return fresh.Count;
            }, cancellationToken);
        }
        return results;
    }
}
