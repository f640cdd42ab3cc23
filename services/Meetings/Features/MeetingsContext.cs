using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <summary>
/// What every use case works with: the service's database and the one way to write to it, the groups service, the network's
/// languages, the clock.
/// </summary>
public sealed class MeetingsContext(IDocumentStore store, IGroupDirectory groups, INetworkLanguages languages, TimeProvider clock,
    Writes? writes = null)
{
    public IDocumentStore Store => store;

    public MeetingsDatabase Database { get; } = new(store);

    public Writes Writes { get; } = writes ?? new(store, new IdempotencyKeys(clock));

    public IGroupDirectory Groups => groups;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The same context writing inside <paramref name="unit"/> (an event handler's), which its owner commits.</summary>
    public MeetingsContext Within(IUnitOfWork unit) => new(store, groups, languages, clock, Writes.Within(unit));

    /// <summary>The same context on another clock (the demo seed records past meetings as of their time).</summary>
    public MeetingsContext AsOf(TimeProvider otherClock) => new(store, groups, languages, otherClock);

    /// <summary>The texts the service writes for the network's people, in its language.</summary>
    public async Task<MeetingTexts> TextsAsync(string networkId, CancellationToken cancellationToken) =>
        MeetingTexts.For(await languages.LanguagesAsync(networkId, cancellationToken));

    /// <summary>A group filter of a read: NOT_FOUND (from the groups service) when the network has no such group.</summary>
    public async Task RequireGroupIfGivenAsync(string networkId, string groupId, CancellationToken cancellationToken)
    {
        if (groupId.Length > 0)
        {
            await groups.GetGroupAsync(networkId, groupId, cancellationToken);
        }
    }

    public static Guid NewEventId() => Guid.CreateVersion7();

    /// <summary>
    /// The service itself, when it acts on events and schedules (participants following their group, reminders): it runs
    /// the meetings of the network as the secretariat would.
    /// </summary>
    public static Caller Service(string networkId) => new(MeetingsModule.ServiceName, networkId, null, null,
        new HashSet<string> { Roles.Secretariat });
}
