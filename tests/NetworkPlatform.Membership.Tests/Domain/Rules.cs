using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Membership.Tests.Domain;

internal static class Rules
{
    /// <summary>The one rule <paramref name="exception"/> reports broken.</summary>
    public static RuleViolation Broken(RuleViolationException exception) => Assert.Single(exception.Violations);
}
