using Google.Protobuf;
using Google.Rpc;
using NetworkPlatform.Grpc;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Features;

/// <summary>
/// Collects every field violation of a request (field paths as in the proto, e.g. "organisation.display_name")
/// and throws INVALID_ARGUMENT with all of them at once.
/// </summary>
public sealed class Validation
{
    private readonly List<BadRequest.Types.FieldViolation> violations = [];

    public bool IsValid => violations.Count == 0;

    public Validation Add(string field, string description)
    {
        violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });
        return this;
    }

    public Validation Required(string field, string? value, int maxLength = FieldRules.MaxNameLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "Required: give a non-empty value.");
        }
        return MaxLength(field, value, maxLength);
    }

    public Validation MaxLength(string field, string value, int maxLength = FieldRules.MaxNameLength) =>
        value.Length > maxLength ? Add(field, $"At most {maxLength} characters; this has {value.Length}.") : this;

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
            var allowed = string.Join(", ", System.Enum.GetNames<TProto>().Where(n => !n.EndsWith("Unspecified", StringComparison.Ordinal)));
            Add(field, $"'{value}' is not a valid value; use one of {allowed}.");
        }
        return converted;
    }

    public Validation Message(string field, IMessage? message) => message is null ? Add(field, "Required: send the resource.") : this;

    public void ThrowIfInvalid()
    {
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }
}
