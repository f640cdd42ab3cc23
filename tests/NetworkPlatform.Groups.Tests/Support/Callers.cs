using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;

namespace NetworkPlatform.Groups.Tests.Support;

internal static class Callers
{
    public const string Network = "partnerskap-mot-mobbing";

    public static Caller Secretariat(string network = Network) => new("secretariat-user", network, "org-secretariat", "per-secretariat",
        new HashSet<string> { Roles.Secretariat });

    public static Caller Representative(string personId, string organisationId = "org-fjordvik", string network = Network) =>
        new($"user-{personId}", network, organisationId, personId, new HashSet<string> { Roles.Representative });

    public static Caller Leader(string personId, string organisationId = "org-fjordvik") =>
        new($"user-{personId}", Network, organisationId, personId, new HashSet<string> { Roles.Representative, Roles.GroupLeader });
}
