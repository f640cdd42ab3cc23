using System.Text;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>
/// A deliberately strict RFC 5545 reader for tests: CRLF only, lines of at most 75 octets, folding by one space or tab,
/// balanced BEGIN/END, the required properties of VCALENDAR, VEVENT and VTIMEZONE observances, and every TZID defined.
/// </summary>
internal static class StrictIcsParser
{
    public sealed record Property(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
    {
        public string Text => Unescape(Value);
    }

    public sealed class Component(string name)
    {
        public string Name { get; } = name;

        public List<Property> Properties { get; } = [];

        public List<Component> Children { get; } = [];

        public Property Single(string name) => Properties.Single(p => p.Name == name);

        public IEnumerable<Property> All(string name) => Properties.Where(p => p.Name == name);

        public IEnumerable<Component> Descendants(string name) =>
            Children.Where(c => c.Name == name).Concat(Children.SelectMany(c => c.Descendants(name)));
    }

    public static Component Parse(string ics)
    {
        var bytes = Encoding.UTF8.GetBytes(ics);
        Check(ics.EndsWith("\r\n", StringComparison.Ordinal), "the text must end with CRLF");
        var physical = ics[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Check(!line.Contains('\n') && !line.Contains('\r'), $"bare CR or LF in '{line}'");
            Check(Encoding.UTF8.GetByteCount(line) <= 75, $"line longer than 75 octets: '{line}'");
        }
        Check(bytes.Length > 0, "empty");

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t'))
            {
                Check(logical.Count > 0, "a continuation line cannot come first");
                logical[^1] += line[1..];
            }
            else
            {
                logical.Add(line);
            }
        }

        var stack = new Stack<Component>();
        Component? root = null;
        foreach (var line in logical)
        {
            var property = ParseLine(line);
            if (property.Name == "BEGIN")
            {
                var component = new Component(property.Value);
                if (stack.Count > 0)
                {
                    stack.Peek().Children.Add(component);
                }
                else
                {
                    Check(root is null, "only one top-level component");
                    root = component;
                }
                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                Check(stack.Count > 0 && stack.Pop().Name == property.Value, $"END:{property.Value} does not close the open component");
            }
            else
            {
                Check(stack.Count > 0, $"property {property.Name} outside a component");
                stack.Peek().Properties.Add(property);
            }
        }
        Check(stack.Count == 0 && root is { Name: "VCALENDAR" }, "the text must be one complete VCALENDAR");
        Validate(root!);
        return root!;
    }

    private static void Validate(Component calendar)
    {
        Check(calendar.Single("VERSION").Value == "2.0", "VERSION must be 2.0");
        Check(calendar.All("PRODID").Count() == 1, "exactly one PRODID");
        Check(calendar.Children.Count > 0, "a VCALENDAR needs at least one component");
        var zones = calendar.Children.Where(c => c.Name == "VTIMEZONE").Select(z => z.Single("TZID").Value).ToHashSet();
        foreach (var zone in calendar.Children.Where(c => c.Name == "VTIMEZONE"))
        {
            Check(zone.Children.Count > 0 && zone.Children.All(o => o.Name is "STANDARD" or "DAYLIGHT"), "a VTIMEZONE holds STANDARD/DAYLIGHT observances");
            foreach (var observance in zone.Children)
            {
                Check(IsLocalDateTime(observance.Single("DTSTART").Value), "observance DTSTART is a local date-time");
                Check(IsOffset(observance.Single("TZOFFSETFROM").Value) && IsOffset(observance.Single("TZOFFSETTO").Value), "observance offsets are +hhmm");
            }
        }
        foreach (var calendarEvent in calendar.Children.Where(c => c.Name == "VEVENT"))
        {
            Check(calendarEvent.All("UID").Count() == 1, "a VEVENT has one UID");
            Check(IsUtcDateTime(calendarEvent.Single("DTSTAMP").Value), "DTSTAMP is UTC");
            foreach (var time in calendarEvent.Properties.Where(p => p.Name is "DTSTART" or "DTEND"))
            {
                if (time.Parameters.TryGetValue("TZID", out var tzid))
                {
                    Check(zones.Contains(tzid), $"TZID {tzid} has no VTIMEZONE");
                    Check(IsLocalDateTime(time.Value), $"{time.Name} with TZID is a local date-time");
                }
                else
                {
                    Check(IsUtcDateTime(time.Value), $"{time.Name} without TZID must be UTC");
                }
            }
        }
    }

    private static Property ParseLine(string line)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        var name = ReadName(line, ref index);
        while (index < line.Length && line[index] == ';')
        {
            index++;
            var parameterName = ReadName(line, ref index);
            Check(index < line.Length && line[index] == '=', $"parameter {parameterName} needs '=' in '{line}'");
            index++;
            string value;
            if (index < line.Length && line[index] == '"')
            {
                var end = line.IndexOf('"', index + 1);
                Check(end > 0, $"unterminated quoted parameter in '{line}'");
                value = line[(index + 1)..end];
                index = end + 1;
            }
            else
            {
                var start = index;
                while (index < line.Length && line[index] is not (';' or ':' or ','))
                {
                    Check(line[index] != '"', $"quote inside an unquoted parameter in '{line}'");
                    index++;
                }
                value = line[start..index];
            }
            parameters[parameterName] = value;
        }
        Check(index < line.Length && line[index] == ':', $"missing ':' after the name in '{line}'");
        var propertyValue = line[(index + 1)..];
        Check(!propertyValue.Any(c => char.IsControl(c) && c != '\t'), $"control characters in '{line}'");
        return new Property(name, parameters, propertyValue);
    }

    private static string ReadName(string line, ref int index)
    {
        var start = index;
        while (index < line.Length && (char.IsAsciiLetterOrDigit(line[index]) || line[index] == '-'))
        {
            index++;
        }
        Check(index > start, $"a name was expected at {start} in '{line}'");
        return line[start..index];
    }

    private static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Check(value[i] is not (';' or ','), $"unescaped '{value[i]}' in TEXT '{value}'");
                text.Append(value[i]);
                continue;
            }
            Check(i + 1 < value.Length, "dangling backslash");
            text.Append(value[++i] switch
            {
                'n' or 'N' => '\n',
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                var other => throw new FormatException($"invalid escape \\{other}"),
            });
        }
        return text.ToString();
    }

    private static bool IsLocalDateTime(string value) => value.Length == 15 && value[8] == 'T' && value.Remove(8, 1).All(char.IsAsciiDigit);

    private static bool IsUtcDateTime(string value) => value.Length == 16 && value.EndsWith('Z') && IsLocalDateTime(value[..^1]);

    private static bool IsOffset(string value) => value.Length is 5 or 7 && value[0] is '+' or '-' && value[1..].All(char.IsAsciiDigit);

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new FormatException($"Invalid iCalendar: {problem}");
        }
    }
}
