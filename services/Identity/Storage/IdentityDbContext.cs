using Microsoft.EntityFrameworkCore;

namespace NetworkPlatform.Identity.Storage;

/// <summary>
/// The issuer's own database: OpenIddict's applications, authorizations and tokens, the accounts people sign in with, and the keys.
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<IssuerKey> Keys => Set<IssuerKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<Account>(account =>
        {
            account.ToTable("accounts");
            account.HasKey(a => a.Subject);
            account.HasIndex(a => a.LoginName).IsUnique();
        });
        modelBuilder.Entity<IssuerKey>(key =>
        {
            key.ToTable("issuer_keys");
            key.HasKey(k => k.Id);
        });
    }
}

/// <summary>
/// A person who signs in. Until the platform's own data says who may do what (secretariat members, group roles,
/// appointments), the account also holds what its tokens claim: network, organisation, person and roles.
/// </summary>
public sealed class Account
{
    /// <summary>The token's subject (sub); never changes.</summary>
    public string Subject { get; set; } = "";

    /// <summary>What the person types to sign in (an e-mail address).</summary>
    public string LoginName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>Who the person is, on the sign-in page of a demo ("leads Arbeidsgruppe digital mobbing").</summary>
    public string? Description { get; set; }

    public string NetworkId { get; set; } = "";

    public string? OrganisationId { get; set; }

    public string? PersonId { get; set; }

    /// <summary>Space-separated roles (secretariat, group-leader, representative, dashboard-reader, operator).</summary>
    public string Roles { get; set; } = "";

    /// <summary>ASP.NET Core Identity's PBKDF2 hash; null until the person has set a password through their one-time link.</summary>
    public string? PasswordHash { get; set; }

    /// <summary>SHA-256 of the one-time link's code, while it is unused.</summary>
    public string? SetupCodeHash { get; set; }

    public DateTimeOffset? SetupCodeExpiresAt { get; set; }

    /// <summary>A demo person: offered on the sign-in page and signed in with one click (demo deployments only).</summary>
    public bool IsDemo { get; set; }

    public IReadOnlyList<string> RoleList => Roles.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A signing key (an RSA key in a self-signed certificate, PEM) or the token encryption key (AES, base64).</summary>
public sealed class IssuerKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    /// <summary>The key id (kid) the JWKS and the tokens' headers carry.</summary>
    public string Id { get; set; } = "";

    public string Use { get; set; } = "";

    public string Material { get; set; } = "";

    /// <summary>When it starts signing; it is published from the moment it is stored.</summary>
    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }
}
