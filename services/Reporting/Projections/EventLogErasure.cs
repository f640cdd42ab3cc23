using System.Text.Json;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Projections;

/// <summary>
/// An erased person's name and addresses leave reporting's event log, so rebuilding the projections does not bring them
/// back. Events carry person ids and, beside them, names (a minutes' addressee, an action item's owner): the names found
/// beside the person's id are the values replaced, in every logged event of the network (minutes' text included). Two
/// passes over the network's log, page by page, in the caller's unit; a second run finds nothing to change.
/// </summary>
public static class EventLogErasure
{
    private const int PageSize = 500;

    /// <summary>The properties beside a person id that hold the person's name or address.</summary>
    private static readonly HashSet<string> NameProperties = ["name", "fullName", "displayName", "ownerName", "email"];

    /// <returns>The values replaced (found beside the person's id), as the events wrote them.</returns>
    public static async Task<IReadOnlySet<string>> ScrubAsync(IUnitOfWork uow, string networkId, string personId, string replacement,
        CancellationToken ct)
    {
        var quotedId = JsonSerializer.Serialize(personId);
        var values = new HashSet<string>();
        await ForEachAsync(uow, networkId, logged =>
        {
            if (logged.Document.PayloadJson.Contains(quotedId, StringComparison.Ordinal))
            {
                using var payload = JsonDocument.Parse(logged.Document.PayloadJson);
                CollectNames(payload.RootElement, personId, values);
            }
        }, ct);
        values.Remove(replacement);
        values.Remove("");
        if (values.Count == 0)
        {
            return values;
        }
        var inPayload = values.Select(UnitOfWorkEventExtensions.InPayload).ToList();
        var erased = UnitOfWorkEventExtensions.InPayload(replacement);
        var changed = new List<Versioned<LoggedEvent>>();
        await ForEachAsync(uow, networkId, logged =>
        {
            var json = logged.Document.PayloadJson;
            var scrubbed = inPayload.Aggregate(json, (text, v) => text.Replace(v, erased, StringComparison.Ordinal));
            if (scrubbed != json)
            {
                changed.Add(new(logged.Document with { PayloadJson = scrubbed }, logged.Version));
            }
        }, ct);
        // The log is append-only otherwise: a version conflict here is a concurrent erasure, and the delivery runs again.
        foreach (var logged in changed)
        {
            await uow.ReplaceAsync(ReportingCollections.EventLog, networkId, logged.Document, logged.Version, ct);
        }
        return values;
    }

    private static void CollectNames(JsonElement element, string personId, HashSet<string> values)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectNames(item, personId, values);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var names = element.TryGetProperty("personId", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == personId;
        foreach (var property in element.EnumerateObject())
        {
            if (names && NameProperties.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String)
            {
                values.Add(property.Value.GetString()!);
            }
            CollectNames(property.Value, personId, values);
        }
    }

    private static async Task ForEachAsync(IUnitOfWork uow, string networkId, Action<Versioned<LoggedEvent>> visit,
        CancellationToken ct)
    {
        string? token = null;
        do
        {
            var page = await uow.QueryAsync(ReportingCollections.EventLog, networkId,
                ReportingCollections.EventLog.Query().Page(PageSize, token), ct);
            foreach (var item in page.Items)
            {
                visit(item);
            }
            token = page.NextPageToken;
        }
        while (token is not null);
    }
}
