namespace NetworkPlatform.Storage;

public static class InboxExtensions
{
    /// <summary>Inbox for one message: records that <paramref name="consumer"/> handled it; false when it already had.</summary>
    public static async Task<bool> TryMarkHandledAsync(this IUnitOfWork unitOfWork, string consumer, Guid messageId,
        CancellationToken cancellationToken = default) =>
        (await unitOfWork.MarkHandledAsync(consumer, [messageId], cancellationToken)).Count == 1;
}
