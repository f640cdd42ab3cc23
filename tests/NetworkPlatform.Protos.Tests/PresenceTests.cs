using Google.Protobuf;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.Protos.Tests;

/// <summary>
/// Fields that may be absent are one-field oneofs (protoc 3.5 has no proto3 `optional`): a set zero still goes on the
/// wire, exactly as proto3 `optional` sent it, and HasX tells it from an absent value.
/// </summary>
public sealed class PresenceTests
{
    [Fact]
    public void a_zero_in_an_optional_field_is_sent_and_an_absent_one_is_not()
    {
        // Field 5, wire type 1 (64-bit), then 0.0: the bytes proto3 `optional double target = 5` produced.
        Assert.Equal([0x29, 0, 0, 0, 0, 0, 0, 0, 0], new Indicator { Target = 0 }.ToByteArray());
        Assert.Empty(new Indicator().ToByteArray());
        Assert.Empty(new Ratio().ToByteArray());
        Assert.Equal([0x19, 0, 0, 0, 0, 0, 0, 0, 0], new Ratio { Value = 0 }.ToByteArray());
    }

    [Fact]
    public void presence_survives_a_round_trip_through_bytes_and_json()
    {
        var first = AddAgendaItemRequest.Parser.ParseFrom(new AddAgendaItemRequest { Position = 0 }.ToByteArray());
        var last = AddAgendaItemRequest.Parser.ParseFrom(new AddAgendaItemRequest().ToByteArray());
        var json = JsonFormatter.Default.Format(new NetworkHealth { MedianDaysToMinutes = 0 });

        Assert.True(first.HasPosition);
        Assert.False(last.HasPosition);
        Assert.Contains("\"medianDaysToMinutes\": 0", json, StringComparison.Ordinal);
        Assert.True(JsonParser.Default.Parse<NetworkHealth>(json).HasMedianDaysToMinutes);
        Assert.False(JsonParser.Default.Parse<NetworkHealth>("{}").HasMaxDaysToMinutes);
    }
}
