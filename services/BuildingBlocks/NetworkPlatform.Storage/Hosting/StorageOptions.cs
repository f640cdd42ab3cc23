namespace NetworkPlatform.Storage.Hosting;

/// <summary>The "Storage" configuration section (Storage__Provider, Storage__ConnectionString, Storage__DataDirectory).</summary>
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
}
