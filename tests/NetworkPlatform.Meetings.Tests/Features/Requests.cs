using Google.Protobuf.WellKnownTypes;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

internal static class Requests
{
    public static Proto.ScheduleMeetingRequest Schedule(Proto.MeetingKind kind, DateTimeOffset start, string groupId = "g-digital", string requestId = "") => new()
    {
        NetworkId = MeetingsFixture.Network,
        RequestId = requestId,
        Meeting = new Proto.Meeting
        {
            GroupId = groupId,
            Kind = kind,
            StartTime = Timestamp.FromDateTimeOffset(start),
            EndTime = Timestamp.FromDateTimeOffset(start.AddHours(2)),
            Location = "Bergen rådhus",
            VideoLink = "https://meet.example/abc",
        },
    };
}
