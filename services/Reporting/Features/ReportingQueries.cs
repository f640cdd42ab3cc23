using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features;

/// <summary>Loads a network's facts; every figure is computed from them on read.</summary>
public sealed class ReportingQueries(IDocumentStore store)
{
    private const int PageSize = 500;

    public Task<List<T>> AllAsync<T>(DocumentCollection<T> collection, string networkId, CancellationToken ct, DocumentQuery<T>? query = null)
        where T : class => LoadAsync(collection, networkId, query ?? collection.Query(), ct);

    public async Task<NetworkFacts> LoadAsync(string networkId, int year, CancellationToken ct)
    {
        return new NetworkFacts(
            await LoadAsync(ReportingCollections.Meetings, networkId, ReportingCollections.Meetings.Query(), ct),
            await LoadAsync(ReportingCollections.Participations, networkId, ReportingCollections.Participations.Query(), ct),
            await LoadAsync(ReportingCollections.Appointments, networkId, ReportingCollections.Appointments.Query(), ct),
            await LoadAsync(ReportingCollections.Measures, networkId, ReportingCollections.Measures.Query().Where(m => m.Year, year), ct),
            await LoadAsync(ReportingCollections.CadenceBreaches, networkId, ReportingCollections.CadenceBreaches.Query().Where(b => b.Year, year), ct),
            await EventLog.CountAsync(store, networkId, ct));
    }

    private async Task<List<T>> LoadAsync<T>(DocumentCollection<T> collection, string networkId, DocumentQuery<T> query, CancellationToken ct)
        where T : class
    {
        var all = new List<T>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(collection, networkId, query.Page(PageSize, token), ct);
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
