namespace NetworkPlatform.Storage.Tests.Contract;

/// <summary>An adapter instance: both adapters implement the three interfaces on one class.</summary>
public sealed record StorageUnderTest(IDocumentStore Documents, IOutbox Outbox, IStorageDatabase Database) : IAsyncDisposable
{
    public static StorageUnderTest Of<TAdapter>(TAdapter adapter)
        where TAdapter : IDocumentStore, IOutbox, IStorageDatabase => new(adapter, adapter, adapter);

    public ValueTask DisposeAsync() => Documents is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
