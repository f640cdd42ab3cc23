using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <summary>What every use case works with: the service's database, the groups service and the clock.</summary>
public sealed class MeetingsContext(MeetingsDatabase database, IGroupDirectory groups, TimeProvider clock)
{
    public MeetingsDatabase Database { get; } = database;

    public IGroupDirectory Groups { get; } = groups;

    public DateTimeOffset Now => clock.GetUtcNow();

    public static Guid NewEventId() => Guid.CreateVersion7();
}
