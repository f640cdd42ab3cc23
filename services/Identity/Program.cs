// The embedded OpenID Connect issuer in its own process (make up, the dev cluster): HTTP on HTTP_PORT, its own database.
// With a command (`invite`, `register-client`, ...) it administers that database instead and exits.
using NetworkPlatform.Identity;
using NetworkPlatform.Identity.Commands;

if (args.Length > 0 && IssuerCommands.IsCommand(args[0]))
{
    return await IssuerCommands.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddIssuerHost();
builder.Services.AddIdentityIssuer(builder.Configuration);

var app = builder.Build();
app.MapIssuerHealth();
app.MapIdentityIssuer();
app.Run();
return 0;
