namespace NetworkPlatform.Grpc.Server.Protocol;

/// <summary>Parses grpc-timeout: 1 to 8 ASCII digits followed by a unit (H hours, M minutes, S seconds, m millis, u micros, n nanos).</summary>
public static class GrpcTimeout
{
    public static bool TryParse(ReadOnlySpan<char> value, out TimeSpan timeout)
    {
        timeout = default;
        if (value.Length < 2 || value.Length > 9)
        {
            return false;
        }
        long amount = 0;
        foreach (var c in value[..^1])
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
            amount = amount * 10 + (c - '0');
        }
        long? ticks = value[^1] switch
        {
            'H' => amount * TimeSpan.TicksPerHour,
            'M' => amount * TimeSpan.TicksPerMinute,
            'S' => amount * TimeSpan.TicksPerSecond,
            'm' => amount * TimeSpan.TicksPerMillisecond,
            'u' => amount * 10,
            'n' => (amount + 99) / 100, // round nanoseconds up to whole ticks so a tiny timeout never becomes "no time at all"
            _ => null,
        };
        if (ticks is null)
        {
            return false;
        }
        timeout = TimeSpan.FromTicks(ticks.Value);
        return true;
    }
}
