using System.Text.RegularExpressions;

namespace NetworkPlatform.Deploy.Tests.Support;

/// <summary>A TCP socket in LISTEN state, as `ss -ltnp` reports it: its local address and port, and the processes holding it.</summary>
public sealed partial record ListeningSocket(string Address, int Port, IReadOnlyList<int> ProcessIds)
{
    public bool OnLoopback => Address is "127.0.0.1" or "[::1]" || Address.StartsWith("127.", StringComparison.Ordinal);

    public override string ToString() => $"{Address}:{Port} (pids {string.Join(",", ProcessIds)})";

    /// <summary>Every listening TCP socket of the machine (iproute2's ss; as root it names the owning processes).</summary>
    public static IReadOnlyList<ListeningSocket> All()
    {
        var result = Processes.Run("ss", ["-Hltnp"], TimeSpan.FromSeconds(10));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ss -Hltnp failed: {result.Combined}");
        }
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => Line().Match(line))
            .Where(match => match.Success)
            .Select(match => new ListeningSocket(
                match.Groups["address"].Value,
                int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture),
                Pid().Matches(match.Groups["users"].Value).Select(p =>
                    int.Parse(p.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList()))
            .ToList();
    }

    [GeneratedRegex(@"^LISTEN\s+\d+\s+\d+\s+(?<address>\S+):(?<port>\d+)\s+\S+\s*(?<users>.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"pid=(\d+)")]
    private static partial Regex Pid();
}
