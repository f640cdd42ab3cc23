using NetworkPlatform.Grpc.Server.Protocol;

namespace NetworkPlatform.Grpc.Tests.Server;

public class GrpcTimeoutTests
{
    [Theory]
    [InlineData("2H", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3M", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("10S", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("250m", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1500u", 15_000)]
    [InlineData("1000n", 10)]
    [InlineData("1n", 1)]
    [InlineData("0S", 0)]
    [InlineData("99999999H", 99_999_999 * TimeSpan.TicksPerHour)]
    public void every_unit_is_understood(string value, long expectedTicks)
    {
        Assert.True(GrpcTimeout.TryParse(value, out var timeout));
        Assert.Equal(expectedTicks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("5")]
    [InlineData("123456789S")]
    [InlineData("5s")]
    [InlineData("5x")]
    [InlineData("-5S")]
    [InlineData("1.5S")]
    [InlineData(" 5S")]
    public void malformed_values_are_refused(string value)
    {
        Assert.False(GrpcTimeout.TryParse(value, out _));
    }
}
