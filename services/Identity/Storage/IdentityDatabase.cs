using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using NetworkPlatform.Storage.Hosting;

namespace NetworkPlatform.Identity.Storage;

/// <summary>
/// Where the issuer keeps its data, by the platform's storage settings (section "Storage"): SQLite at
/// &lt;DataDirectory&gt;/identity.db by default, PostgreSQL (Storage__ConnectionString; without Database, the database
/// "identity") in distributed mode. The schema is created at the first start.
/// </summary>
public static partial class IdentityDatabase
{
    public const string Name = "identity";

    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    public static void Configure(DbContextOptionsBuilder database, IConfiguration storageSection)
    {
        var options = storageSection.Get<StorageOptions>() ?? new StorageOptions();
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case StorageOptions.Sqlite:
                Directory.CreateDirectory(options.DataDirectory);
                database.UseSqlite($"Data Source={Path.Combine(options.DataDirectory, Name + ".db")}");
                break;
            case StorageOptions.Postgres:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Storage__Provider is postgres but Storage__ConnectionString is empty: set it, e.g. " +
                        "Host=db;Username=identity;Password=...;Database=identity.");
                }
                var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString);
                if (string.IsNullOrEmpty(connection.Database))
                {
                    connection.Database = Name;
                }
                database.UseNpgsql(connection.ConnectionString);
                break;
            default:
                throw new InvalidOperationException(
                    $"Storage__Provider '{options.Provider}' is unknown: use sqlite (embedded) or postgres.");
        }
        database.UseOpenIddict();
    }

    /// <summary>Creates the schema when the database is new; waits for a database that is still starting.</summary>
    public static async Task CreateAsync(IdentityDbContext context, ILogger logger, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (true)
        {
            try
            {
                await context.Database.EnsureCreatedAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                LogRetrying(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Could not create the identity database yet; retrying in 2 s. Check Storage__ConnectionString if this persists.")]
    private static partial void LogRetrying(ILogger logger, Exception exception);
}
