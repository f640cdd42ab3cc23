using System.Globalization;
using System.Text.RegularExpressions;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Application.Validation;

/// <summary>
/// The one field-violation collector: a use case's Validate adds every bad field (paths as the request spells them,
/// e.g. "meeting.title"), and the pipeline answers all of them at once. The rules every service shares live here; a
/// service adds its own as extension methods. Messages quote at most <see cref="MaxQuoted"/> characters of the input,
/// so a huge value cannot blow up the answer's headers.
/// </summary>
public sealed partial class Violations
{
    public const int MaxQuoted = 100;

    /// <summary>The latest year a date may have: beyond it a date is a typo, not a plan.</summary>
    public const int LatestYear = 2200;

    /// <summary>The earliest year a date may have (backfilled history goes back decades, not centuries).</summary>
    public const int EarliestYear = 1900;

    private readonly List<FieldViolation> items = [];

    public IReadOnlyList<FieldViolation> Items => items;

    public bool IsEmpty => items.Count == 0;

    public Violations Add(string field, string description)
    {
        items.Add(new FieldViolation(field, description));
        return this;
    }

    public Violations Require(bool condition, string field, string description) => condition ? this : Add(field, description);

    /// <summary>A non-blank text of at most <paramref name="maxLength"/> characters.</summary>
    public Violations Required(string field, string? value, int maxLength = 200) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, "Required: give a non-empty value.") : Text(field, value, maxLength);

    /// <summary>
    /// An optional text: at most <paramref name="maxLength"/> characters, no control characters but line breaks and tabs.
    /// </summary>
    public Violations Text(string field, string? value, int maxLength = 200)
    {
        if (value is null)
        {
            return this;
        }
        if (value.Length > maxLength)
        {
            return Add(field, $"At most {maxLength} characters; this has {value.Length}.");
        }
        return value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? Add(field, "Contains a control character (such as NUL); send plain text.")
            : this;
    }

    /// <summary>The id of an existing resource, as the API gave it out.</summary>
    public Violations Id(string field, string? value) => string.IsNullOrWhiteSpace(value)
        ? Add(field, "Required: the id of the resource (list them to find it).")
        : Text(field, value, 100);

    /// <summary>A network (tenant) id: 3-63 lower-case letters, digits and '-'.</summary>
    public Violations NetworkId(string field, string? value) => string.IsNullOrEmpty(value)
        ? Add(field, "Required: the network id, e.g. \"norsk-hph\".")
        : Require(NetworkIdPattern().IsMatch(value), field,
            $"{Quote(value)} is not a network id: use 3-63 lower-case letters, digits and '-'.");

    /// <summary>An id the caller chooses for a new resource, or empty to get one generated.</summary>
    public Violations OptionalSlug(string field, string? value) =>
        Require(string.IsNullOrEmpty(value) || NetworkIdPattern().IsMatch(value), field,
            "Use 3 to 63 lower-case letters, digits and hyphens, or leave it empty to get one generated.");

    /// <summary>A request_id for idempotent retries: a UUID, or empty.</summary>
    public Violations RequestId(string field, string? value) => Require(string.IsNullOrEmpty(value) || Guid.TryParse(value, out _), field,
        $"{Quote(value)} is not a UUID; send a fresh UUID per logical request (retries reuse it), or leave it empty.");

    /// <summary>An etag as read from this service, or empty for "whatever is current".</summary>
    public Violations Etag(string field, string? value) => Require(string.IsNullOrEmpty(value) || long.TryParse(value, out _), field,
        $"{Quote(value)} is not an etag from this service; read the resource again and send its etag.");

    public Violations OptionalEmail(string field, string? value) =>
        Require(string.IsNullOrEmpty(value) || (value.Length <= 254 && EmailPattern().IsMatch(value)), field,
            $"{Quote(value)} is not an email address; use the form name@example.no.");

    /// <summary>An IANA time zone such as Europe/Oslo, or empty for the default.</summary>
    public Violations TimeZone(string field, string? value) =>
        Require(string.IsNullOrEmpty(value) || (TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) && zone.HasIanaId), field,
            $"{Quote(value)} is not an IANA time zone; use one like Europe/Oslo.");

    /// <summary>A point in time within <see cref="EarliestYear"/>..<see cref="LatestYear"/>.</summary>
    public Violations PlausibleTime(string field, DateTimeOffset? value) =>
        Require(value is null || (value.Value.Year >= EarliestYear && value.Value.Year <= LatestYear), field,
            $"{value:yyyy-MM-dd} is outside {EarliestYear}-{LatestYear}; check the year.");

    /// <summary>A date within <see cref="EarliestYear"/>..<see cref="LatestYear"/>.</summary>
    public Violations PlausibleDate(string field, DateOnly? value) =>
        Require(value is null || (value.Value.Year >= EarliestYear && value.Value.Year <= LatestYear), field,
            $"{value:yyyy-MM-dd} is outside {EarliestYear}-{LatestYear}; check the year.");

    /// <summary>An end after its start, and no longer than <paramref name="longest"/>.</summary>
    public Violations Period(string endField, DateTimeOffset? start, DateTimeOffset? end, TimeSpan longest)
    {
        if (start is null || end is null)
        {
            return this;
        }
        if (end <= start)
        {
            return Add(endField, "Must be after the start.");
        }
        return Require(end - start <= longest, endField,
            $"Lasts {FormatSpan(end.Value - start.Value)}; at most {FormatSpan(longest)} is allowed.");
    }

    /// <summary>An amount of money: a decimal with at most two decimals and '.' as separator (e.g. 12500.50).</summary>
    public decimal Money(string field, string? value, bool allowZero = true)
    {
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || decimal.Round(amount, 2) != amount)
        {
            Add(field, $"{Quote(value)} is not an amount: "
                + "write a decimal number with at most two decimals and a '.' separator, e.g. 12500.50.");
            return 0;
        }
        Require(allowZero || amount > 0, field, "Must be more than 0.");
        return amount;
    }

    /// <summary>Answers INVALID_ARGUMENT with every violation collected, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (items.Count > 0)
        {
            throw new InvalidFieldsException([.. items]);
        }
    }

    /// <summary>The value in quotes, cut to <see cref="MaxQuoted"/> characters.</summary>
    public static string Quote(string? value) => value is null
        ? "(nothing)"
        : value.Length <= MaxQuoted ? $"'{value}'" : $"'{value[..MaxQuoted]}...' ({value.Length} characters)";

    private static string FormatSpan(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} days")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex NetworkIdPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")]
    private static partial Regex EmailPattern();
}
