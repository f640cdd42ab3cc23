using System.Globalization;

namespace NetworkPlatform.Benchmarks.Events;

/// <summary>
/// CPU time (user + system) of this process, the PostgreSQL processes and the RabbitMQ node, from /proc: shows which
/// side is CPU-bound and where its CPU goes. Only the benchmark's own servers should run on the machine meanwhile.
/// <see cref="Stolen"/> is the time the hypervisor gave this VM's CPUs to others (steal in /proc/stat): a round with
/// much of it measured the neighbours as well.
/// </summary>
internal sealed record CpuSample(TimeSpan Benchmark, TimeSpan Postgres, TimeSpan RabbitMq, TimeSpan Stolen)
{
    private static readonly double SecondsPerTick = 1.0 / 100; // USER_HZ, 100 on Linux.

    public static CpuSample Take()
    {
        var ticks = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }
            var (command, cpuTicks) = ReadStat(pid);
            var group = pid == Environment.ProcessId ? "benchmark" : command switch
            {
                "postgres" => "postgres",
                "beam.smp" => "rabbitmq",
                _ => null,
            };
            if (group is not null)
            {
                ticks[group] = ticks.GetValueOrDefault(group) + cpuTicks;
            }
        }
        return new CpuSample(Time(ticks, "benchmark"), Time(ticks, "postgres"), Time(ticks, "rabbitmq"), TimeSpan.FromSeconds(StealTicks() * SecondsPerTick));
    }

    public static CpuSample operator -(CpuSample after, CpuSample before) =>
        new(after.Benchmark - before.Benchmark, after.Postgres - before.Postgres, after.RabbitMq - before.RabbitMq, after.Stolen - before.Stolen);

    /// <summary>Stolen time as a share of all CPUs' time over <paramref name="elapsed"/>.</summary>
    public double StolenShare(TimeSpan elapsed) => Stolen / (elapsed * Environment.ProcessorCount);

    public TimeSpan Total => Benchmark + Postgres + RabbitMq;

    /// <summary>"total (.NET + postgres + rabbitmq)" in microseconds per event.</summary>
    public string PerEvent(int events) => string.Create(CultureInfo.InvariantCulture,
        $"{Micros(Total, events),4:F0} ({Micros(Benchmark, events):F0}+{Micros(Postgres, events):F0}+{Micros(RabbitMq, events):F0})");

    private static double Micros(TimeSpan time, int events) => time.TotalMicroseconds / events;

    private static TimeSpan Time(Dictionary<string, long> ticks, string group) =>
        TimeSpan.FromSeconds(ticks.GetValueOrDefault(group) * SecondsPerTick);

    /// <summary>The steal field (the 8th number) of the aggregate "cpu" line of /proc/stat.</summary>
    private static long StealTicks()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return cpu.Length > 8 ? long.Parse(cpu[8], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>The command name and utime + stime (fields 14 and 15) of /proc/[pid]/stat; a process gone meanwhile counts nothing.</summary>
    private static (string Command, long Ticks) ReadStat(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ("", 0);
        }
        // The command sits in parentheses and may itself contain spaces or parentheses.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        // fields[0] is field 3 (state), so utime (14) and stime (15) are fields[11] and fields[12].
        return (stat[(open + 1)..close], long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture));
    }
}
