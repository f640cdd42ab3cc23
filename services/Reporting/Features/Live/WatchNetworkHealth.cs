using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Features.Reports;
using NetworkPlatform.Reporting.Projections;

namespace NetworkPlatform.Reporting.Features.Live;

/// <summary>
/// A year's network health as it changes: the events that change it from now on, after which the caller reads the
/// figures again (<see cref="GetNetworkHealth"/>). Subscribed before the first figures are read, so none is missed.
/// </summary>
public sealed class WatchNetworkHealth(LiveFeed feed) : IUseCase<GetNetworkHealthQuery, LiveFeed.Subscription>
{
    // Anyone of the network may follow its health.
    public void Authorize(GetNetworkHealthQuery query, Caller caller)
    {
    }

    public void Validate(GetNetworkHealthQuery query, Violations violations) => violations.Year("year", query.Year);

    public Task<LiveFeed.Subscription> HandleAsync(GetNetworkHealthQuery query, Caller caller, CancellationToken cancellationToken) =>
        Task.FromResult(feed.Subscribe(query.NetworkId));
}
