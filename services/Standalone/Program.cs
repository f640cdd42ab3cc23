// make run: the platform in one process. Services are added here as they land; health and reflection are always on.
using NetworkPlatform.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Standalone;

// Content root next to the binaries: `make run` starts from the repository root, and appsettings.json lives with the build.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
if (builder.Configuration["urls"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
}
var dataDirectory = Path.GetFullPath(builder.Configuration["data-dir"] ?? ".data");
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:DataDirectory"] = builder.Configuration["Storage:DataDirectory"] ?? dataDirectory,
    [MembershipModule.SeedDemoKey] = builder.Configuration[MembershipModule.SeedDemoKey] ?? "true",
});
// The development signing key lives in the data directory; the banner prints tokens signed with it.
var tokens = DevelopmentTokens.LoadOrCreate(Path.Combine(dataDirectory, "auth"));
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Auth:Issuer"] = tokens.AuthOptions.Issuer,
    ["Auth:Audience"] = tokens.AuthOptions.Audience,
    ["Auth:SigningKeyFile"] = tokens.AuthOptions.SigningKeyFile,
    ["Logging:Format"] = builder.Configuration["Logging:Format"] ?? "text",
    // Set as configuration too, so the service defaults do not add their GRPC_PORT listener.
    ["urls"] = builder.Configuration["urls"] ?? "http://127.0.0.1:5000",
});
builder.Services.AddSingleton(tokens);
builder.AddServiceDefaults("standalone");
builder.Services.AddMembership(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddService(MembershipModule.ServiceName));

var app = builder.Build();
app.MapServiceDefaults();
app.MapMembership();
app.Lifetime.ApplicationStarted.Register(() => Banner.Print(app));
app.Run();
