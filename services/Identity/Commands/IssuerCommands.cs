using Microsoft.Extensions.DependencyInjection.Extensions;
using NetworkPlatform.Identity.Keys;
using NetworkPlatform.Identity.Registrations;
using NetworkPlatform.Identity.Storage;
using OpenIddict.Abstractions;

namespace NetworkPlatform.Identity.Commands;

/// <summary>
/// Administration of the issuer's database from the command line (the same Storage__* settings as the issuer; options as
/// --name value). Secrets and one-time links are printed once and stored only hashed.
/// <code>
/// invite --login ada@example.org --name "Ada Lovelace" --network N --roles secretariat [--organisation O] [--person P] [--valid-hours 72]
/// register-client --client-id C --kind partner --network N [--organisation O] [--roles partner-system] [--name "Display name"]
/// register-client --client-id C --kind web --redirect-uris https://app/signin-oidc[,...] [--post-logout-uris ...] [--public true]
/// register-client --client-id C --kind service
/// rotate-client-secret --client-id C          remove-client --client-id C          rotate-signing-key
/// </code>
/// </summary>
public static class IssuerCommands
{
    private static readonly Dictionary<string, Func<Command, Task>> Commands = new(StringComparer.Ordinal)
    {
        ["invite"] = InviteAsync,
        ["register-client"] = RegisterClientAsync,
        ["rotate-client-secret"] = RotateClientSecretAsync,
        ["remove-client"] = RemoveClientAsync,
        ["rotate-signing-key"] = RotateSigningKeyAsync,
    };

    public static bool IsCommand(string name) => Commands.ContainsKey(name);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args[1..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddDbContext<IdentityDbContext>(
            database => IdentityDatabase.Configure(database, builder.Configuration.GetSection("Storage")));
        builder.Services.AddScoped<Accounts>();
        builder.Services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>());
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        var command = new Command(scope.ServiceProvider, builder.Configuration);
        try
        {
            await IdentityDatabase.CreateAsync(command.Database, host.Services.GetRequiredService<ILogger<Command>>(),
                CancellationToken.None);
            await Commands[args[0]](command);
            return 0;
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync($"{args[0]}: {e.Message}");
            return 2;
        }
    }

    private static async Task InviteAsync(Command command)
    {
        var issuer = command.Optional("Identity:Issuer") ?? command.Required("issuer");
        var account = new Account
        {
            LoginName = command.Required("login"),
            DisplayName = command.Required("name"),
            NetworkId = command.Required("network"),
            OrganisationId = command.Optional("organisation"),
            PersonId = command.Optional("person"),
            Roles = string.Join(' ', command.List("roles")),
        };
        var validFor = TimeSpan.FromHours(
            double.Parse(command.Optional("valid-hours") ?? "72", System.Globalization.CultureInfo.InvariantCulture));
        var code = await command.Services.GetRequiredService<Accounts>().InviteAsync(account, validFor, CancellationToken.None);
        Console.WriteLine($"Send {account.LoginName} this one-time link (valid {validFor.TotalHours:0} hours) to choose a password:");
        Console.WriteLine($"{issuer.TrimEnd('/')}{Endpoints.SignInPages.SetupPath}?code={code}");
    }

    private static async Task RegisterClientAsync(Command command)
    {
        var clientId = command.Required("client-id");
        var kind = command.Required("kind");
        var name = command.Optional("name") ?? clientId;
        var applications = command.Services.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(clientId) is not null)
        {
            throw new CommandException(
                $"A client '{clientId}' exists already: rotate its secret (rotate-client-secret) or remove it first (remove-client).");
        }
        var secret = kind == ClientKinds.Web && command.Optional("public") == "true" ? null : Secrets.New();
        var descriptor = kind switch
        {
            ClientKinds.Partner => ClientKinds.PartnerDescriptor(clientId, name, secret!,
                new PlatformClaims(command.Required("network"), command.Optional("organisation"), null,
                    command.List("roles") is { Count: > 0 } roles ? roles : [Application.Roles.PartnerSystem])),
            ClientKinds.Web or ClientKinds.Service => ClientKinds.Descriptor(kind, clientId, name, secret),
            _ => throw new CommandException($"--kind must be {ClientKinds.Partner}, {ClientKinds.Web} or {ClientKinds.Service}."),
        };
        if (kind == ClientKinds.Web)
        {
            var redirects = command.List("redirect-uris");
            if (redirects.Count == 0)
            {
                throw new CommandException(
                    "a web client needs --redirect-uris (where the issuer sends the code, e.g. https://app.example.org/signin-oidc).");
            }
            descriptor.RedirectUris.UnionWith(redirects.Select(u => new Uri(u)));
            descriptor.PostLogoutRedirectUris.UnionWith(command.List("post-logout-uris").Select(u => new Uri(u)));
        }
        await applications.CreateAsync(descriptor);
        Console.WriteLine($"client_id     {clientId}");
        Console.WriteLine(secret is null ? "client_secret (none: a public client, it must use PKCE)" : $"client_secret {secret}");
        if (secret is not null)
        {
            Console.WriteLine("The secret is shown only now and stored hashed: hand it to the client's operator over a safe channel.");
        }
    }

    private static async Task RotateClientSecretAsync(Command command)
    {
        var clientId = command.Required("client-id");
        var applications = command.Services.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId)
            ?? throw new CommandException($"There is no client '{clientId}'.");
        var secret = Secrets.New();
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application);
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor);
        Console.WriteLine($"client_secret {secret}");
        Console.WriteLine(
            "The old secret no longer works; tokens already issued stay valid until they expire. The new one is shown only now.");
    }

    private static async Task RemoveClientAsync(Command command)
    {
        var clientId = command.Required("client-id");
        var applications = command.Services.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId)
            ?? throw new CommandException($"There is no client '{clientId}'.");
        await applications.DeleteAsync(application);
        Console.WriteLine($"Removed client '{clientId}' with its refresh tokens; " +
            "its access tokens are refused once the services next ask the issuer.");
    }

    private static async Task RotateSigningKeyAsync(Command command)
    {
        var options = command.Configuration.GetSection(IssuerOptions.SectionName).Get<IssuerOptions>() ?? new IssuerOptions();
        var key = await KeyRing.AddPendingSigningKeyAsync(command.Database, options, TimeProvider.System.GetUtcNow(),
            CancellationToken.None);
        Console.WriteLine($"Signing key {key.Id} is published at the issuers' next key check and signs from {key.NotBefore:u}.");
    }

    private sealed class CommandException(string message) : Exception(message);

    private sealed class Command(IServiceProvider services, IConfiguration configuration)
    {
        public IServiceProvider Services { get; } = services;

        public IConfiguration Configuration { get; } = configuration;

        public IdentityDbContext Database => Services.GetRequiredService<IdentityDbContext>();

        public string? Optional(string name) => Configuration[name] is { Length: > 0 } value ? value : null;

        public string Required(string name) => Optional(name) ?? throw new CommandException($"--{name} is missing.");

        public IReadOnlyList<string> List(string name) =>
            Optional(name)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
    }
}
