using NetworkPlatform.Events;

namespace NetworkPlatform.Application.Changes;

/// <summary>
/// A document as an aggregate's method left it, and the events that say what happened, built once the document's new
/// version is known. The AggregateVersion an event goes out with is its stream's next one, set by the outbox
/// (UnitOfWorkEventExtensions.PublishAsync), not the document's version.
/// </summary>
public sealed record Change<T>(T Document, Func<long, IEnumerable<IDomainEvent>> Events) where T : class
{
    /// <summary>A change that tells nobody (no event).</summary>
    public static Change<T> Quiet(T document) => new(document, _ => []);

    public static Change<T> With(T document, Func<long, IDomainEvent> domainEvent) => new(document, version => [domainEvent(version)]);
}
