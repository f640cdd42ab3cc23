using System.Diagnostics;
using System.Text.Json;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>Runs tools/check_ics.py (Debian's python3-icalendar) on an .ics text: an independent reader of our output.</summary>
internal static class PythonIcalendar
{
    public static JsonElement Check(string ics)
    {
        var file = Path.Combine(Path.GetTempPath(), $"meetings-{Guid.NewGuid():N}.ics");
        File.WriteAllText(file, ics);
        try
        {
            var start = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "tools", "check_ics.py"), file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("check_ics.py did not finish in 30 s");
            }
            Assert.True(process.ExitCode == 0, $"python3-icalendar rejected the calendar: {output.Result}{errors.Result}\n{ics}");
            return JsonDocument.Parse(output.Result).RootElement;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
