using Google.Protobuf;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Features;

/// <summary>The membership service's field rules (network ids, emails, phones, request ids, etags, enums).</summary>
public sealed class Validation : FieldViolations<Validation>
{
    public Validation Required(string field, string? value) => Required(field, value, FieldRules.MaxNameLength);

    public Validation MaxLength(string field, string value) => MaxLength(field, value, FieldRules.MaxNameLength);

    public Validation NetworkId(string field, string value) => string.IsNullOrEmpty(value)
        ? Add(field, "Required: the network id, e.g. \"norsk-hph\".")
        : FieldRules.IsNetworkId(value) ? this : Add(field, $"'{value}' is not a network id: use 3-63 lower-case letters, digits and '-'.");

    public Validation Id(string field, string value) => string.IsNullOrWhiteSpace(value)
        ? Add(field, "Required: the id of the resource (list them to find it).")
        : MaxLength(field, value, 100);

    public Validation OptionalEmail(string field, string value) =>
        value.Length == 0 || FieldRules.IsEmail(value) ? this : Add(field, $"'{value}' is not an email address; use the form name@example.no.");

    public Validation OptionalPhone(string field, string value) =>
        value.Length == 0 || FieldRules.IsPhone(value) ? this : Add(field, $"'{value}' is not a phone number; use 8-15 digits with an optional leading '+', e.g. +47 22 00 00 00.");

    public Validation RequestId(string field, string value) =>
        value.Length == 0 || Guid.TryParse(value, out _) ? this : Add(field, $"'{value}' is not a UUID; send a fresh UUID per logical request (retries reuse it), or leave it empty.");

    public Validation Etag(string field, string value) =>
        value.Length == 0 || long.TryParse(value, out _) ? this : Add(field, $"'{value}' is not an etag from this service; read the resource again and send its etag.");

    /// <summary>Converts a proto enum; UNSPECIFIED and unknown numbers are violations.</summary>
    public TDomain? Enum<TProto, TDomain>(string field, TProto value, Func<TProto, TDomain?> convert)
        where TProto : struct, System.Enum where TDomain : struct
    {
        var converted = convert(value);
        if (converted is null)
        {
            var allowed = string.Join(", ", System.Enum.GetNames<TProto>().Select(ProtoName<TProto>).Where(n => !n.EndsWith("_UNSPECIFIED", StringComparison.Ordinal)));
            var given = System.Enum.IsDefined(value) ? ProtoName<TProto>(value.ToString()) : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
            Add(field, $"{given} is not a valid value; use one of {allowed}.");
        }
        return converted;
    }

    /// <summary>The name as written in the proto (ORGANISATION_KIND_HOSPITAL), which callers in every language see.</summary>
    private static string ProtoName<TProto>(string memberName) =>
        typeof(TProto).GetField(memberName)?.GetCustomAttributes(typeof(Google.Protobuf.Reflection.OriginalNameAttribute), false)
            .OfType<Google.Protobuf.Reflection.OriginalNameAttribute>().FirstOrDefault()?.Name ?? memberName;

    public Validation Message(string field, IMessage? message) => message is null ? Add(field, "Required: send the resource.") : this;
}
