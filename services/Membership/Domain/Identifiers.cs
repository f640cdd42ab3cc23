using System.Security.Cryptography;
using System.Text;

namespace NetworkPlatform.Membership.Domain;

/// <summary>
/// Ids are short prefixed strings ("org-3f9a..."). With a request_id the id is derived from it, so a retried create
/// lands on the same id (the store refuses the duplicate and the first result is returned).
/// </summary>
public static class Identifiers
{
    public const string Organisation = "org";
    public const string Person = "per";
    public const string Representative = "rep";
    public const string ParticipationRequest = "par";

    /// <summary>A new random id; retried creates find their first result through their request_id (IdempotencyKeys).</summary>
    public static string New(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 17)];

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
