using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Outbox;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Evaluates compliance and publishes CadenceBreached once for each requirement that has become overdue.</summary>
public sealed class CheckCadence(MeetingsContext context, GetCadenceCompliance compliance)
{
    public async Task<IReadOnlyList<GroupCompliance>> HandleAsync(Proto.CheckCadenceRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.Year == 0 || request.Year is >= 2000 and <= 2100, "year", "Use a year between 2000 and 2100, or 0 for this year.")
            .ThrowIfInvalid();
        Access.EnsureSecretariat(caller, request.NetworkId);
        return await CheckAsync(request.NetworkId, request.Year, cancellationToken);
    }

    public async Task<IReadOnlyList<GroupCompliance>> CheckAsync(string networkId, int year, CancellationToken cancellationToken)
    {
        var results = await compliance.EvaluateAsync(networkId, year, "", cancellationToken);
        var now = context.Now;
        foreach (var (group, report) in results)
        {
            var overdue = report.Requirements.Where(r => r.State == CadenceState.Overdue).ToList();
            if (overdue.Count == 0)
            {
                continue;
            }
            await using var unitOfWork = await context.Database.Store.BeginAsync(cancellationToken);
            var id = CadenceRecord.IdFor(group.GroupId, report.Year);
            var stored = await unitOfWork.GetAsync(MeetingsCollections.Cadence, networkId, id, cancellationToken);
            var known = stored?.Document.BreachedKeys.ToHashSet() ?? [];
            var fresh = overdue.Where(r => !known.Contains(r.Key)).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }
            var record = new CadenceRecord(id, [.. known, .. fresh.Select(r => r.Key)]);
            var version = stored is null
                ? await unitOfWork.InsertAsync(MeetingsCollections.Cadence, networkId, record, cancellationToken)
                : await unitOfWork.ReplaceAsync(MeetingsCollections.Cadence, networkId, record, stored.Version, cancellationToken);
            foreach (var breach in fresh)
            {
                await unitOfWork.PublishAsync(new CadenceBreached(MeetingsContext.NewEventId(), now, networkId, group.GroupId, version, group.GroupId, report.Year,
                    breach.Kind.ToString(), breach.WindowStart, breach.WindowEnd, breach.PartnerMeetingId), cancellationToken);
            }
            await unitOfWork.CommitAsync(cancellationToken);
        }
        return results;
    }
}
