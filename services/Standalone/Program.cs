// make run: the platform in one process. Services are added here as they land; health and reflection are always on.
using NetworkPlatform.Grpc.Hosting;
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
builder.Services.AddSingleton(tokens);
builder.Services.AddGrpcServer();
builder.Services.AddPlatformAuthentication(tokens.AuthOptions);
builder.Services.AddMembership(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddService(MembershipModule.ServiceName));

var app = builder.Build();
app.MapGrpcHealthService();
app.MapGrpcReflectionService();
app.MapMembership();
app.Lifetime.ApplicationStarted.Register(() => Banner.Print(app));
app.Run();
