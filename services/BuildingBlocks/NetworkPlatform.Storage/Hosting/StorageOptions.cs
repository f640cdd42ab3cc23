namespace NetworkPlatform.Storage.Hosting;

/// <summary>
/// The "Storage" configuration section (Storage__Provider, Storage__ConnectionString, Storage__DataDirectory, and the
/// PostgreSQL pool: Storage__MaxPoolSize, Storage__ConnectionIdleLifetime, Storage__ConnectionTimeout).
/// </summary>
public sealed class StorageOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>sqlite (embedded default) or postgres.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>PostgreSQL: an Npgsql connection string; without Database, the service name is the database.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>SQLite: the folder holding one file per service, &lt;service&gt;.db.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>
    /// PostgreSQL: the most connections one process opens (its pool), whatever the load; calls beyond it wait for a free
    /// one. Size it so that every service's replicas (their autoscaler's maximum) x (MaxPoolSize + 1 relay-lock connection) stay
    /// below the server's max_connections, with room for operators (deploy/README.md). Overrides the connection string's.
    /// </summary>
    public int MaxPoolSize { get; set; } = 16;

    /// <summary>PostgreSQL: an idle pooled connection is closed after this long, so a burst's connections go back to the server.</summary>
    public TimeSpan ConnectionIdleLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PostgreSQL: how long a call waits for a pooled connection (or for a new one to open); then it fails with
    /// <see cref="StorageUnavailableException"/> (the API answers UNAVAILABLE).
    /// </summary>
    public TimeSpan ConnectionTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
