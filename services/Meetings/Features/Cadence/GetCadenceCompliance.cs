using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Features;

public sealed record GroupCompliance(GroupInfo Group, CadenceReport Report);

/// <summary>Per group: what the network's cadence policy requires this year, and what is held, scheduled, missing or overdue.</summary>
public sealed class GetCadenceCompliance(MeetingsContext context)
{
    public async Task<IReadOnlyList<GroupCompliance>> HandleAsync(Proto.GetCadenceComplianceRequest request, Caller caller, CancellationToken cancellationToken)
    {
        new Validation()
            .NotEmpty(request.NetworkId, "network_id", "network id")
            .Require(request.Year == 0 || request.Year is >= 2000 and <= 2100, "year", "Use a year between 2000 and 2100, or 0 for this year.")
            .ThrowIfInvalid();
        Access.EnsureReader(caller, request.NetworkId);
        return await EvaluateAsync(request.NetworkId, request.Year, request.GroupId, cancellationToken);
    }

    public async Task<IReadOnlyList<GroupCompliance>> EvaluateAsync(string networkId, int year, string groupId, CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(networkId, cancellationToken);
        var zone = Validation.TryZone(settings.TimeZone) ?? TimeZoneInfo.Utc;
        var evaluatedYear = year == 0 ? TimeZoneInfo.ConvertTime(context.Now, zone).Year : year;
        var groups = groupId.Length > 0
            ? [await context.Groups.GetGroupAsync(networkId, groupId, cancellationToken)]
            : (await context.Groups.ListGroupsAsync(networkId, cancellationToken)).Where(g => g.IsWorkingBody && g.IsActive).ToList();
        var partnerMeetings = (await context.Database.AllAsync(MeetingsCollections.Meetings, networkId, cancellationToken, new IndexFilter("kind", nameof(MeetingKind.PartnerMeeting))))
            .Select(m => m.Document).ToList();
        var results = new List<GroupCompliance>();
        foreach (var group in groups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            var meetings = await context.Database.MeetingsOfGroupAsync(networkId, group.GroupId, cancellationToken);
            results.Add(new GroupCompliance(group, CadenceCompliance.Evaluate(settings.Cadence, group.GroupId, evaluatedYear, zone, meetings, partnerMeetings, context.Now)));
        }
        return results;
    }
}
