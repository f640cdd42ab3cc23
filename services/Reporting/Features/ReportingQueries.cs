using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features;

/// <summary>Loads a network's facts; every figure is computed from them on read.</summary>
public sealed class ReportingQueries(IDocumentStore store)
{
    private const int PageSize = 500;

    public Task<List<T>> AllAsync<T>(DocumentCollection<T> collection, string networkId, CancellationToken ct, params IndexFilter[] filters)
        where T : class => LoadAsync(collection, networkId, filters, ct);

    public async Task<NetworkFacts> LoadAsync(string networkId, int year, CancellationToken ct)
    {
        var yearText = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new NetworkFacts(
            await LoadAsync(ReportingCollections.Meetings, networkId, [], ct),
            await LoadAsync(ReportingCollections.Participations, networkId, [], ct),
            await LoadAsync(ReportingCollections.Appointments, networkId, [], ct),
            await LoadAsync(ReportingCollections.Measures, networkId, [new IndexFilter("year", yearText)], ct),
            await LoadAsync(ReportingCollections.CadenceBreaches, networkId, [new IndexFilter("year", yearText)], ct),
            await EventLog.CountAsync(store, networkId, ct));
    }

    private async Task<List<T>> LoadAsync<T>(DocumentCollection<T> collection, string networkId, IReadOnlyList<IndexFilter> filters, CancellationToken ct)
        where T : class
    {
        var all = new List<T>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(collection, networkId, new DocumentQuery(filters, PageSize, token), ct);
            all.AddRange(page.Items.Select(i => i.Document));
            token = page.NextPageToken;
        }
        while (token is not null);
        return all;
    }
}

public sealed record NetworkFacts(
    IReadOnlyList<MeetingFact> Meetings,
    IReadOnlyList<ParticipationFact> Participations,
    IReadOnlyList<AppointmentFact> Appointments,
    IReadOnlyList<MeasureFact> Measures,
    IReadOnlyList<CadenceBreachFact> CadenceBreaches,
    long EventsSeen);
