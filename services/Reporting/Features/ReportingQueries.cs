using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features;

/// <summary>
/// Loads what the figures are computed from: a year's group figures (kept as events arrive, one document per group),
/// and the facts that grow with people rather than meetings (participations, appointments) or with the action plan.
/// </summary>
public sealed class ReportingQueries(IDocumentStore store)
{
    public Task<List<T>> AllAsync<T>(DocumentCollection<T> collection, string networkId, CancellationToken ct,
        DocumentQuery<T>? query = null)
        where T : class => store.ReadAllAsync(collection, networkId, query ?? collection.Query(), ct);

    public async Task<NetworkFacts> LoadAsync(string networkId, int year, CancellationToken ct) => new(
        await GroupYearsAsync(networkId, year, ct),
        await AllAsync(ReportingCollections.Participations, networkId, ct),
        await AllAsync(ReportingCollections.Appointments, networkId, ct),
        await MeasuresAsync(networkId, year, ct),
        await EventLog.CountAsync(store, networkId, ct));

    /// <summary>Every group's figures of a year, by group id.</summary>
    public Task<List<GroupYearFigures>> GroupYearsAsync(string networkId, int year, CancellationToken ct) =>
        store.ReadAllAsync(ReportingCollections.GroupYears, networkId, ReportingCollections.GroupYears.Query().Where(f => f.Year,
            year), ct);

    public Task<List<MeasureFact>> MeasuresAsync(string networkId, int year, CancellationToken ct) =>
        store.ReadAllAsync(ReportingCollections.Measures, networkId, ReportingCollections.Measures.Query().Where(m => m.Year, year), ct);

    /// <summary>A group's held meetings of a year in start order, at most <paramref name="max"/> of them.</summary>
    public async Task<IReadOnlyList<MeetingFact>> HeldMeetingsAsync(string networkId, string groupId, int year, int max,
        CancellationToken ct)
    {
        var period = ReportingPeriod.Year(year);
        var query = ReportingCollections.Meetings.Query()
            .Where(m => m.GroupId, groupId).Where(m => m.State, MeetingState.Held).Between(m => m.StartsAt, period.From,
                period.To).Page(max);
        return [.. (await store.QueryAsync(ReportingCollections.Meetings, networkId, query, ct)).Items.Select(m => m.Document)];
    }
}

/// <summary>A year's figures of a network: each group's (meetings, attendance, minutes, breaches), and the facts the rest needs.</summary>
public sealed record NetworkFacts(
    IReadOnlyList<GroupYearFigures> Groups,
    IReadOnlyList<ParticipationFact> Participations,
    IReadOnlyList<AppointmentFact> Appointments,
    IReadOnlyList<MeasureFact> Measures,
    long EventsSeen);
