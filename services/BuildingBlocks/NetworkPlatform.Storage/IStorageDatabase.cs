namespace NetworkPlatform.Storage;

/// <summary>What the host needs from a service's database besides documents: the schema at start-up and a health probe.</summary>
public interface IStorageDatabase
{
    /// <summary>
    /// Brings the schema up to date, with an index for each one <paramref name="collections"/> declare (and without the
    /// declared indexes of earlier versions that no collection declares any more). Idempotent, and safe when several
    /// replicas start at once.
    /// </summary>
    Task MigrateAsync(IReadOnlyCollection<IDocumentCollection> collections, CancellationToken cancellationToken = default);

    /// <summary>Round-trips a trivial statement; throws with the driver's reason when the database cannot be reached.</summary>
    Task CheckReachableAsync(CancellationToken cancellationToken = default);
}
