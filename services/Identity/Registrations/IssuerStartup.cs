using Microsoft.EntityFrameworkCore;
using NetworkPlatform.Identity.Storage;
using OpenIddict.Abstractions;

namespace NetworkPlatform.Identity.Registrations;

/// <summary>
/// Before the issuer takes requests: its database exists, the configured clients (services, dashboard) are registered with
/// the secrets in their files (updated when a file changed), and in a demo the demo people, partner systems and the demo
/// grant's client are registered (secrets generated into the data directory at the first start).
/// </summary>
internal sealed partial class IssuerStartup(IServiceScopeFactory scopes, IssuerOptions options, ILogger<IssuerStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        await IdentityDatabase.CreateAsync(database, logger, cancellationToken);
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in options.Clients)
        {
            var descriptor = ClientKinds.Descriptor(client.Kind, client.ClientId, client.DisplayName ?? client.ClientId,
                Secrets.Read(client.SecretFile!));
            descriptor.RedirectUris.UnionWith(client.RedirectUris.Select(u => new Uri(u)));
            descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris.Select(u => new Uri(u)));
            await SaveAsync(applications, descriptor, cancellationToken);
        }
        if (options.Demo.Enabled)
        {
            await RegisterDemoAsync(database, applications, options.Demo, cancellationToken);
        }
        LogReady(options.Clients.Count, options.Demo.People.Count, options.Demo.Partners.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the client, or updates it to <paramref name="descriptor"/> (its secret re-hashed).</summary>
    public static async Task SaveAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor,
        CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
        {
            await applications.UpdateAsync(existing, descriptor, cancellationToken);
        }
        else
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
    }

    private static async Task RegisterDemoAsync(IdentityDbContext database, IOpenIddictApplicationManager applications, IssuerDemo demo,
        CancellationToken cancellationToken)
    {
        var accounts = await database.Accounts.Where(a => a.IsDemo).ToDictionaryAsync(a => a.Subject, cancellationToken);
        foreach (var person in demo.People)
        {
            if (!accounts.TryGetValue(person.Subject, out var account))
            {
                account = new Account { Subject = person.Subject, IsDemo = true };
                database.Accounts.Add(account);
            }
            account.LoginName = "demo:" + person.Subject;
            (account.DisplayName, account.Description) = (person.DisplayName, person.Description);
            (account.NetworkId, account.OrganisationId, account.PersonId, account.Roles) =
                (person.NetworkId, person.OrganisationId, person.PersonId, string.Join(' ', person.Roles));
        }
        await database.SaveChangesAsync(cancellationToken);
        foreach (var partner in demo.Partners)
        {
            await SaveAsync(applications, ClientKinds.PartnerDescriptor(partner.ClientId, partner.DisplayName,
                    Secrets.ReadOrCreate(demo.SecretFile(partner.ClientId)), partner.Claims),
                cancellationToken);
        }
        await SaveAsync(applications, ClientKinds.Descriptor(ClientKinds.Demo, DemoGrant.ClientId, "make token",
                Secrets.ReadOrCreate(demo.SecretFile(DemoGrant.ClientId))),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "The issuer is ready: {Clients} configured clients, {People} demo people, {Partners} demo partner systems.")]
    private partial void LogReady(int clients, int people, int partners);
}
