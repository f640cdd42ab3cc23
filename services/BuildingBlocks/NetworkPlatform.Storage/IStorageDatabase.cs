namespace NetworkPlatform.Storage;

/// <summary>What the host needs from a service's database besides documents: the schema at start-up and a health probe.</summary>
public interface IStorageDatabase
{
    /// <summary>Brings the schema up to date. Idempotent, and safe when several replicas start at once.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Round-trips a trivial statement; throws with the driver's reason when the database cannot be reached.</summary>
    Task CheckReachableAsync(CancellationToken cancellationToken = default);
}
