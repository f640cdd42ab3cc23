using NetworkPlatform.Application.Changes;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features;

/// <summary>
/// The other services' resources a reporting request names (groups, measures, organisations), checked against the copies
/// reporting keeps from their owners' events (docs/events/README.md): NOT_FOUND, named as the owner names it, when the id
/// is not one of the network's. The copies lag their owners by the events' delivery (outbox poll and broker, about a
/// second), so a group created a moment ago may still be unknown here: the caller retries.
/// </summary>
public static class References
{
    public static readonly Resource<GroupFact> Groups = new(ReportingCollections.Groups, "networkplatform.groups.v1.Group", "groups");

    public static readonly Resource<MeasureFact> Measures =
        new(ReportingCollections.Measures, "networkplatform.groups.v1.Measure", "measures");

    public static readonly Resource<OrganisationFact> Organisations =
        new(ReportingCollections.Organisations, "networkplatform.membership.v1.Organisation", "organisations");

    public static Task RequireGroupAsync(IDocumentStore store, string networkId, string groupId, CancellationToken ct) =>
        store.RequireAsync(Groups, networkId, groupId, ct);

    public static Task RequireGroupAsync(IUnitOfWork unit, string networkId, string groupId, CancellationToken ct) =>
        unit.RequireAsync(Groups, networkId, groupId, ct);

    /// <summary>An optional measure id: nothing to check when empty.</summary>
    public static async Task RequireMeasureIfGivenAsync(IUnitOfWork unit, string networkId, string? measureId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(measureId))
        {
            await unit.RequireAsync(Measures, networkId, measureId, ct);
        }
    }

    public static Task RequireOrganisationAsync(IUnitOfWork unit, string networkId, string organisationId, CancellationToken ct) =>
        unit.RequireAsync(Organisations, networkId, organisationId, ct);
}
