// make run: the whole platform in one process on one port. Each service keeps its own SQLite file, events travel on
// the in-memory bus, calls between services are real gRPC over loopback, the embedded issuer signs people and clients
// in on the HTTP port, and a demo network is seeded on first start.
using NetworkPlatform.Groups;
using NetworkPlatform.Hosting;
using NetworkPlatform.Identity;
using NetworkPlatform.Meetings;
using NetworkPlatform.Membership;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting;
using NetworkPlatform.Standalone;

// Content root next to the binaries: `make run` starts from the repository root, and appsettings.json lives with the build.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = StandaloneSettings.Apply(builder.Configuration);
builder.Services.AddSingleton(settings);
builder.AddServiceDefaults("standalone");
// Event handlers calling another service act as the client service-standalone of the embedded issuer.
builder.AddServiceIdentity("standalone");
builder.Services.AddMembership(builder.Configuration);
builder.Services.AddGroups(builder.Configuration);
builder.Services.AddMeetings(builder.Configuration);
builder.Services.AddReporting(builder.Configuration);
// Hosted services start in this order: the services' databases are migrated first, then the issuer's start-up (its
// database, clients, keys) runs, before the bus hands event handlers work that needs service tokens.
builder.Services.AddIdentityIssuer(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus
    .AddMembership()
    .AddGroups()
    .AddMeetings()
    .AddReporting());

var app = builder.Build();
app.MapServiceDefaults();
app.MapIdentityIssuer();
app.MapMembership();
app.MapGroups();
app.MapMeetings();
app.MapReporting();
app.Lifetime.ApplicationStarted.Register(() => _ = DemoMeetingsSeed.RunThenPrintBannerAsync(app));
app.Run();
