namespace NetworkPlatform.Storage.Hosting;

public static class StorageDatabaseExtensions
{
    /// <summary>
    /// For readiness checks: true when the database answers. The hosting defaults wire it with
    /// <c>services.AddReadinessCheck("storage", (sp, ct) => sp.GetRequiredService&lt;IStorageDatabase&gt;().IsReachableAsync(ct))</c>.
    /// </summary>
    public static async Task<bool> IsReachableAsync(this IStorageDatabase database, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.CheckReachableAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
