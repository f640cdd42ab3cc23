using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Features;

/// <summary>The membership service's own field rules, beside the shared ones of <see cref="Violations"/>.</summary>
public static class MembershipRules
{
    public static Violations OptionalPhone(this Violations violations, string field, string value) =>
        violations.Require(value.Length == 0 || FieldRules.IsPhone(value), field,
            $"{Violations.Quote(value)} is not a phone number; use 8-15 digits with an optional leading '+', e.g. +47 22 00 00 00.");
}
