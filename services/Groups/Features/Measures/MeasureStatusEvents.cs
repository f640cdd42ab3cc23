using NetworkPlatform.Events;
using NetworkPlatform.Events.Groups;
using Measure = NetworkPlatform.Groups.Domain.Measure;

namespace NetworkPlatform.Groups.Features.Measures;

/// <summary>MeasureStatusChanged when a change moved the status, whichever way it came (edit, milestone, minutes).</summary>
public static class MeasureStatusEvents
{
    public static IEnumerable<IDomainEvent> Changed(Measure before, Measure after, long version, DateTimeOffset at, string changedBy,
        string? meetingId = null) =>
        before.Status == after.Status
            ? []
            : [new MeasureStatusChanged(Guid.NewGuid(), at, after.NetworkId, after.Id, version, after.Id, after.Year, after.GroupId,
                before.Status.ToString(), after.Status.ToString(), changedBy, meetingId)];
}
