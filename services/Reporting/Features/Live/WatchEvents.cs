using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Projections;

namespace NetworkPlatform.Reporting.Features.Live;

public sealed record WatchEventsQuery(string NetworkId) : INetworkRequest;

/// <summary>
/// The network's events from now on, as this replica sees them; the caller reads them until it disposes the
/// subscription (the Api's stream loop).
/// </summary>
public sealed class WatchEvents(LiveFeed feed) : IUseCase<WatchEventsQuery, LiveFeed.Subscription>
{
    // Anyone of the network may follow its events.
    public void Authorize(WatchEventsQuery query, Caller caller)
    {
    }

    public void Validate(WatchEventsQuery query, Violations violations)
    {
    }

    public Task<LiveFeed.Subscription> HandleAsync(WatchEventsQuery query, Caller caller, CancellationToken cancellationToken) =>
        Task.FromResult(feed.Subscribe(query.NetworkId));
}
