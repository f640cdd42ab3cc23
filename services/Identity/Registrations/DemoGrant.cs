using Microsoft.EntityFrameworkCore;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Identity.Storage;
using OpenIddict.Abstractions;

namespace NetworkPlatform.Identity.Registrations;

/// <summary>
/// `make token`'s grant, registered only when the host runs the demo (`make run`): a token for a demo person chosen by role,
/// network and optionally person id, without a browser. It is safe because it grants nothing the demo sign-in page does not
/// already grant to anyone who reaches it (demo people sign in with one click), it needs the demo client's secret, which is
/// generated into the data directory readable by its owner only, and the demo issuer listens on 127.0.0.1 only.
/// </summary>
public static class DemoGrant
{
    public const string Type = "urn:networkplatform:params:oauth:grant-type:demo-person";
    public const string ClientId = "demo-token";

    /// <summary>The demo person the request names (parameters role, network_id, person_id), or why none fits.</summary>
    public static async Task<(Account? Person, string? Refusal)> FindPersonAsync(IdentityDbContext database, OpenIddictRequest request,
        CancellationToken cancellationToken)
    {
        var role = (string?)request["role"];
        var network = (string?)request[ClaimNames.Network];
        var person = (string?)request[ClaimNames.Person];
        if (string.IsNullOrWhiteSpace(role) || string.IsNullOrWhiteSpace(network))
        {
            return (null, "Name the demo person with the parameters role and network_id (and person_id when several share the role).");
        }
        var demo = await database.Accounts.Where(a => a.IsDemo && a.NetworkId == network).ToListAsync(cancellationToken);
        var matching = demo
            .Where(a => a.RoleList.Contains(role) && (string.IsNullOrEmpty(person) || a.PersonId == person || a.Subject == person))
            .ToList();
        return matching.Count switch
        {
            0 => (null, $"No demo person of network '{network}' has the role '{role}'" +
                        $"{(string.IsNullOrEmpty(person) ? "" : $" and person '{person}'")}; " +
                        $"the demo people of that network: {Describe(demo)}."),
            _ => (matching[0], null),
        };
    }

    private static string Describe(IEnumerable<Account> people)
    {
        var list = people.Select(a => $"{a.DisplayName} ({a.Roles}{(a.PersonId is null ? "" : ", person_id " + a.PersonId)})").ToList();
        return list.Count == 0 ? "none" : string.Join("; ", list);
    }
}
