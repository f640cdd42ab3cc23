using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Peers;

namespace NetworkPlatform.Meetings.Features;

/// <param name="Year">0: this year in the network's time zone.</param>
/// <param name="GroupId">One group; empty for every active working body.</param>
public sealed record GetCadenceComplianceQuery(string NetworkId, int Year, string GroupId) : INetworkRequest;

public sealed record GroupCompliance(GroupInfo Group, CadenceReport Report);

/// <summary>Per group: what the network's cadence policy requires this year, and what is held, scheduled, missing or overdue.</summary>
public sealed class GetCadenceCompliance(MeetingsContext context) : IUseCase<GetCadenceComplianceQuery, IReadOnlyList<GroupCompliance>>
{
    // Anyone of the network reads how its groups keep the cadence.
    public void Authorize(GetCadenceComplianceQuery query, Caller caller)
    {
    }

    public void Validate(GetCadenceComplianceQuery query, Violations violations) => violations.Year(query.Year);

    public Task<IReadOnlyList<GroupCompliance>> HandleAsync(GetCadenceComplianceQuery query, Caller caller,
        CancellationToken cancellationToken) =>
        EvaluateAsync(query.NetworkId, query.Year, query.GroupId, cancellationToken);

    /// <summary>
    /// Each requirement reads only its window, in start order, as far as its first held meeting and its first one not
    /// cancelled: a few index rows per group, however many meetings the network has held.
    /// </summary>
    public async Task<IReadOnlyList<GroupCompliance>> EvaluateAsync(string networkId, int year, string groupId,
        CancellationToken cancellationToken)
    {
        var settings = await context.Database.SettingsAsync(networkId, cancellationToken);
        var zone = MeetingRules.TryZone(settings.TimeZone) ?? TimeZoneInfo.Utc;
        var evaluatedYear = year == 0 ? TimeZoneInfo.ConvertTime(context.Now, zone).Year : year;
        var groups = groupId.Length > 0
            ? [await context.Groups.GetGroupAsync(networkId, groupId, cancellationToken)]
            : (await context.Groups.ListGroupsAsync(networkId, cancellationToken)).Where(g => g.IsWorkingBody && g.IsActive).ToList();
        // Partner meetings are network-level: a year holds a handful. A day either side covers any zone's year.
        var partnerMeetings = await context.Database.MeetingsBetweenAsync(networkId,
            new DateTimeOffset(evaluatedYear, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1),
            new DateTimeOffset(evaluatedYear + 1, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(1), cancellationToken,
                kind: MeetingKind.PartnerMeeting);
        var windows = CadenceCompliance.Windows(settings.Cadence, evaluatedYear, zone, partnerMeetings);
        var results = new List<GroupCompliance>();
        foreach (var group in groups.OrderBy(g => g.Name, StringComparer.Ordinal))
        {
            var requirements = new List<CadenceRequirement>();
            foreach (var window in windows)
            {
                var (held, live) = await FirstHeldAndLiveAsync(networkId, group.GroupId, window, cancellationToken);
                requirements.Add(CadenceCompliance.Decide(window, held, live, context.Now));
            }
            results.Add(new GroupCompliance(group, new CadenceReport(group.GroupId, evaluatedYear, requirements)));
        }
        return results;
    }

    /// <summary>
    /// The window's first held meeting, else its first one not cancelled (planned or invited): each the first row of an
    /// index on group, kind and status.
    /// </summary>
    private async Task<(Meeting? Held, Meeting? Live)> FirstHeldAndLiveAsync(string networkId, string groupId, CadenceWindow window,
        CancellationToken cancellationToken)
    {
        async Task<Meeting?> FirstAsync(MeetingStatus status) =>
            (await context.Database.FirstMeetingsAsync(networkId, groupId, window.OfKind, status, window.From, window.Until, 1,
                cancellationToken)).FirstOrDefault();

        if (await FirstAsync(MeetingStatus.Held) is { } held)
        {
            return (held, held);
        }
        var upcoming = new[] { await FirstAsync(MeetingStatus.Planned), await FirstAsync(MeetingStatus.Invited) };
        return (null, upcoming.OfType<Meeting>().OrderBy(m => m.Start).ThenBy(m => m.Id, StringComparer.Ordinal).FirstOrDefault());
    }
}
