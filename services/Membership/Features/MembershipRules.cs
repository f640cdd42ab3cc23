using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Features;

/// <summary>
/// An enum field as the caller sent it: <see cref="Value"/> when it names a value, else null with what was sent (its API
/// name or number) and the values allowed, so Validate can say what to send.
/// </summary>
public sealed record Choice<T>(T? Value, string Sent, string Allowed) where T : struct
{
    public static Choice<T> Of(T value) => new(value, "", "");
}

/// <summary>The membership service's own field rules, beside the shared ones of <see cref="Violations"/>.</summary>
public static class MembershipRules
{
    public const int MaxReasonLength = 2000;

    public static Violations OptionalPhone(this Violations violations, string field, string value) =>
        violations.Require(value.Length == 0 || FieldRules.IsPhone(value), field,
            $"{Violations.Quote(value)} is not a phone number; use 8-15 digits with an optional leading '+', e.g. +47 22 00 00 00.");

    /// <summary>An enum that must name one of its values (unspecified and unknown numbers are violations).</summary>
    public static Violations Choice<T>(this Violations violations, string field, Choice<T> choice) where T : struct =>
        violations.Require(choice.Value is not null, field, $"{choice.Sent} is not a valid value; use one of {choice.Allowed}.");

    /// <summary>The id of an existing resource, or empty (a filter that is not used).</summary>
    public static Violations OptionalId(this Violations violations, string field, string value) => violations.Text(field, value, 100);
}
