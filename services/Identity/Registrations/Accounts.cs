using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetworkPlatform.Identity.Storage;

namespace NetworkPlatform.Identity.Registrations;

/// <summary>
/// The people who sign in: demo people with one click, everyone else with a password they set through a one-time link
/// (`identity invite`). Passwords are hashed with ASP.NET Core Identity's PBKDF2 hasher; link codes are stored as SHA-256.
/// </summary>
public sealed class Accounts(IdentityDbContext database, TimeProvider clock)
{
    public const int MinimumPasswordLength = 12;

    private static readonly PasswordHasher<Account> Hasher = new();

    public Task<Account?> FindAsync(string subject, CancellationToken cancellationToken) =>
        database.Accounts.SingleOrDefaultAsync(a => a.Subject == subject, cancellationToken);

    public async Task<IReadOnlyList<Account>> DemoPeopleAsync(CancellationToken cancellationToken) =>
        (await database.Accounts.Where(a => a.IsDemo).ToListAsync(cancellationToken))
            .OrderBy(a => a.NetworkId).ThenBy(a => a.DisplayName).ToList();

    /// <summary>
    /// The account whose password this is; null for an unknown login or a wrong password (the caller says the same for both).
    /// </summary>
    public async Task<Account?> CheckPasswordAsync(string login, string password, CancellationToken cancellationToken)
    {
        var account = await database.Accounts.SingleOrDefaultAsync(a => a.LoginName == login.Trim().ToLowerInvariant(), cancellationToken);
        if (account?.PasswordHash is not { } hash)
        {
            return null;
        }
        var result = Hasher.VerifyHashedPassword(account, hash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account, password);
            await database.SaveChangesAsync(cancellationToken);
        }
        return result == PasswordVerificationResult.Failed ? null : account;
    }

    /// <summary>
    /// Creates (or refreshes) the account of <paramref name="account"/>'s login and returns the code of its one-time link.
    /// </summary>
    public async Task<string> InviteAsync(Account account, TimeSpan validFor, CancellationToken cancellationToken)
    {
        account.LoginName = account.LoginName.Trim().ToLowerInvariant();
        var existing = await database.Accounts.SingleOrDefaultAsync(a => a.LoginName == account.LoginName, cancellationToken);
        if (existing is null)
        {
            account.Subject = "acc-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            database.Accounts.Add(account);
        }
        else
        {
            (existing.DisplayName, existing.NetworkId, existing.OrganisationId, existing.PersonId, existing.Roles) =
                (account.DisplayName, account.NetworkId, account.OrganisationId, account.PersonId, account.Roles);
            account = existing;
        }
        var code = Registrations.Secrets.New();
        account.SetupCodeHash = Hash(code);
        account.SetupCodeExpiresAt = clock.GetUtcNow() + validFor;
        await database.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>The account a still valid one-time code belongs to, or null.</summary>
    public async Task<Account?> FindBySetupCodeAsync(string code, CancellationToken cancellationToken)
    {
        var hash = Hash(code);
        var account = await database.Accounts.SingleOrDefaultAsync(a => a.SetupCodeHash == hash, cancellationToken);
        return account is { SetupCodeExpiresAt: { } expires } && expires > clock.GetUtcNow() ? account : null;
    }

    /// <summary>Sets the password and spends the code.</summary>
    public async Task SetPasswordAsync(Account account, string password, CancellationToken cancellationToken)
    {
        account.PasswordHash = Hasher.HashPassword(account, password);
        account.SetupCodeHash = null;
        account.SetupCodeExpiresAt = null;
        await database.SaveChangesAsync(cancellationToken);
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
}
