using Npgsql;

namespace NetworkPlatform.Storage.Postgres;

/// <summary>Npgsql's failures that pass, as the port's exceptions: callers never see a driver type.</summary>
internal static class PostgresFailures
{
    // Npgsql's own wording; its inner TimeoutException alone could also be a connect timeout.
    private const string PoolExhaustedMessage = "The connection pool has been exhausted";

    /// <summary>A deadlock or serialization failure: the transaction lost to a concurrent one and rolled back.</summary>
    public static bool IsConflict(NpgsqlException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    /// <summary>
    /// A failure Npgsql calls transient (the pool, the network, 53300, 57P01-57P03, timeouts): retrying later may succeed.
    /// Conflicts are transient too but are not this: check <see cref="IsConflict"/> first.
    /// </summary>
    public static bool IsUnavailable(NpgsqlException exception) => exception.IsTransient && !IsConflict(exception);

    /// <summary>Awaits a driver call, translating a failure that passes into <see cref="StorageUnavailableException"/>.</summary>
    public static async Task<T> Guard<T>(Task<T> call)
    {
        try
        {
            return await call;
        }
        catch (NpgsqlException e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <inheritdoc cref="Guard{T}(Task{T})"/>
    public static Task<T> Guard<T>(ValueTask<T> call) => Guard(call.AsTask());

    public static StorageUnavailableException Unavailable(NpgsqlException exception) => exception switch
    {
        PostgresException { SqlState: PostgresErrorCodes.TooManyConnections } => new(StorageUnavailableException.ConnectionLimit,
            "The database server refuses more connections right now; retry with backoff.", exception),
        { InnerException: TimeoutException } when exception.Message.StartsWith(PoolExhaustedMessage, StringComparison.Ordinal) =>
            new(StorageUnavailableException.PoolExhausted,
                "Every database connection of this service instance stayed busy for the whole wait; retry with backoff.", exception),
        _ => new(StorageUnavailableException.Unreachable,
            "The service's database cannot be reached right now (it may be restarting); retry with backoff.", exception),
    };
}
