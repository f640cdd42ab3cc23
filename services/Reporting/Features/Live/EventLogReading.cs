using System.Text;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Live;

/// <summary>Where a replay starts: a position of the network's log, or the first event that happened at or after a time.</summary>
public sealed record EventLogStart(long? Position, DateTimeOffset? Time);

/// <summary>
/// Events of a network's log scanned from a position: those of the kinds asked for, and the position after the last one
/// scanned (where the next read goes on); <see cref="More"/> when the scan stopped at the page size, not at the log's end.
/// </summary>
public sealed record EventLogPage(IReadOnlyList<LoggedEvent> Events, long NextPosition, bool More);

/// <summary>What reading the event log in position order takes, for ReadEvents and WatchEvents.</summary>
public static class EventLogReading
{
    /// <summary>The start's bad fields, and every kind that is no documented event type.</summary>
    public static void Validate(Violations violations, EventLogStart start, IReadOnlyCollection<string> kinds)
    {
        violations.Require(start.Position is not < 0, "start_position",
            $"{start.Position} is negative; positions count from 1 (0 or 1 reads the whole log).");
        violations.PlausibleTime("start_time", start.Time);
        foreach (var kind in kinds.Where(k => !EventLog.Kinds.Contains(k)))
        {
            violations.Add("kinds", $"{Violations.Quote(kind)} is no event type; use a message name of docs/events/asyncapi.json "
                + "(e.g. MeetingScheduled).");
        }
    }

    /// <summary>
    /// The first position to read: the one asked for, or that of the first event (in the order they happened) at or after
    /// the time (the log's next position when none is), or with neither the log's next position (what comes from now on).
    /// </summary>
    public static async Task<long> FirstPositionAsync(IDocumentStore store, string networkId, EventLogStart start, CancellationToken ct)
    {
        if (start.Position is { } position)
        {
            return Math.Max(position, 1);
        }
        if (start.Time is { } time)
        {
            var first = ReportingCollections.EventLog.Query().Between(e => e.OccurredAt, time, null).Page(1);
            var page = await store.QueryAsync(ReportingCollections.EventLog, networkId, first, ct);
            if (page.Items.Count > 0)
            {
                return page.Items[0].Document.Position;
            }
        }
        return await EventLog.CountAsync(store, networkId, ct) + 1;
    }

    public static async Task<EventLogPage> ReadAsync(IDocumentStore store, string networkId, long from, int pageSize,
        IReadOnlySet<string> kinds, CancellationToken ct)
    {
        var scan = ReportingCollections.EventLog.Query().Between(e => e.Position, from, null).Page(pageSize);
        var page = await store.QueryAsync(ReportingCollections.EventLog, networkId, scan, ct);
        var scanned = page.Items.Select(item => item.Document).ToList();
        return new EventLogPage(
            [.. scanned.Where(e => kinds.Count == 0 || kinds.Contains(e.Kind))],
            scanned.Count == 0 ? from : scanned[^1].Position + 1,
            scanned.Count == pageSize);
    }

    /// <summary>A page token: the position the next page starts at (opaque to callers).</summary>
    public static string PageToken(long nextPosition) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"position:{nextPosition}"));

    /// <summary>The position a page token names; null when the token is not one <see cref="PageToken"/> made.</summary>
    public static long? PositionOf(string pageToken)
    {
        var bytes = new byte[pageToken.Length];
        return Convert.TryFromBase64String(pageToken, bytes, out var length)
            && Encoding.UTF8.GetString(bytes, 0, length) is var text && text.StartsWith("position:", StringComparison.Ordinal)
            && long.TryParse(text["position:".Length..], System.Globalization.NumberStyles.None, null, out var position) && position >= 1
                ? position
                : null;
    }
}
