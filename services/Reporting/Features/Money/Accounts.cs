using System.Globalization;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Features.Money;

/// <summary>
/// What the money use cases share: reading a group's accounts of a year (empty until something is entered), of a group the
/// network has (NOT_FOUND otherwise, <see cref="References"/>).
/// </summary>
public static class Accounts
{
    /// <summary>An amount <see cref="Application.Validation.Violations.Money"/> accepted.</summary>
    public static decimal Amount(string value) => decimal.Parse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>The accounts as stored (version 0 and empty before anything is entered).</summary>
    public static async Task<Versioned<GroupAccounts>> GetAsync(IDocumentStore store, string networkId, string groupId, int year,
        CancellationToken ct)
    {
        await References.RequireGroupAsync(store, networkId, groupId, ct);
        return await store.GetAsync(ReportingCollections.Accounts, networkId, ReportingCollections.AccountsId(groupId, year), ct)
            ?? new Versioned<GroupAccounts>(GroupAccounts.Open(networkId, groupId, year), 0);
    }

    /// <summary>
    /// The accounts read to change them (held until the unit ends, so racing writers queue), checked against the caller's
    /// etag: empty for "whatever is current", else the version read (ABORTED with the current one when stale).
    /// </summary>
    public static async Task<Versioned<GroupAccounts>> GetForChangeAsync(IUnitOfWork unit, string networkId, string groupId, int year,
        string etag, CancellationToken ct)
    {
        await References.RequireGroupAsync(unit, networkId, groupId, ct);
        var id = ReportingCollections.AccountsId(groupId, year);
        var current = await unit.GetForUpdateAsync(ReportingCollections.Accounts, networkId, id, ct)
            ?? new Versioned<GroupAccounts>(GroupAccounts.Open(networkId, groupId, year), 0);
        return etag.Length == 0 || etag == current.ETag ? current : throw new StaleEtagException($"accounts {id}", current.ETag);
    }
}
