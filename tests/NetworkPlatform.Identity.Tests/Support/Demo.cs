using NetworkPlatform.Application;

namespace NetworkPlatform.Identity.Tests.Support;

/// <summary>The demo the tests' issuer runs (Identity__Demo__*): two people of net-1 and a partner system of org-7.</summary>
internal static class Demo
{
    public const string Network = "net-1";
    public const string PartnerClient = "demo-partner-net-1";

    /// <summary>Ada represents org-7 (person per-1); Ben is net-1's secretariat.</summary>
    public static Dictionary<string, string> Settings(string secretsDirectory) => new()
    {
        ["Identity__Demo__SecretsDirectory"] = secretsDirectory,
        ["Identity__Demo__People__0__Subject"] = "ada",
        ["Identity__Demo__People__0__DisplayName"] = "Ada Lovelace",
        ["Identity__Demo__People__0__Description"] = "represents Analytical Engines",
        ["Identity__Demo__People__0__NetworkId"] = Network,
        ["Identity__Demo__People__0__OrganisationId"] = "org-7",
        ["Identity__Demo__People__0__PersonId"] = "per-1",
        ["Identity__Demo__People__0__Roles__0"] = Roles.Representative,
        ["Identity__Demo__People__1__Subject"] = "ben",
        ["Identity__Demo__People__1__DisplayName"] = "Ben Secretary",
        ["Identity__Demo__People__1__Description"] = "runs net-1's secretariat",
        ["Identity__Demo__People__1__NetworkId"] = Network,
        ["Identity__Demo__People__1__Roles__0"] = Roles.Secretariat,
        ["Identity__Demo__Partners__0__ClientId"] = PartnerClient,
        ["Identity__Demo__Partners__0__DisplayName"] = "Analytical Engines' case system",
        ["Identity__Demo__Partners__0__NetworkId"] = Network,
        ["Identity__Demo__Partners__0__OrganisationId"] = "org-7",
    };
}
