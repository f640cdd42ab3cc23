using System.Security.Cryptography;
using System.Text;

namespace NetworkPlatform.Membership.Domain;

/// <summary>
/// Ids are short prefixed strings ("org-3f9a..."). With a request_id the id is derived from it, so ids are stable where
/// the caller's request_ids are (the demo seed's, which the groups service's demo people and the standalone banner
/// name); retried creates get their first result through the request_id (Writes.CreateAsync).
/// </summary>
public static class Identifiers
{
    public const string Organisation = "org";
    public const string Person = "per";
    public const string Representative = "rep";
    public const string ParticipationRequest = "par";

    public static string New(string prefix, string networkId, string requestId)
    {
        if (requestId.Length == 0)
        {
            return $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 17)];
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{networkId}/{prefix}/{requestId}"));
        return $"{prefix}-{Convert.ToHexStringLower(hash)[..16]}";
    }
}
