// make run: the whole platform in one process on one port. Each service keeps its own SQLite file, events travel on
// the in-memory bus, calls between services are real gRPC over loopback, and a demo network is seeded on first start.
using NetworkPlatform.Groups;
using NetworkPlatform.Hosting;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings;
using NetworkPlatform.Membership;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting;
using NetworkPlatform.Standalone;

// Content root next to the binaries: `make run` starts from the repository root, and appsettings.json lives with the build.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = StandaloneSettings.Apply(builder.Configuration);
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(settings.Tokens);
// Event handlers calling another service act as that network's secretariat, signed with the development key.
builder.Services.AddSingleton(new ServiceIdentity(network => "Bearer " + settings.Tokens.Issue("service", network, [Roles.Secretariat], lifetime: TimeSpan.FromMinutes(10))));
builder.AddServiceDefaults("standalone");
builder.Services.AddMembership(builder.Configuration);
builder.Services.AddGroups(builder.Configuration);
builder.Services.AddMeetings(builder.Configuration);
builder.Services.AddReporting(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus
    .AddMembership()
    .AddGroups()
    .AddMeetings()
    .AddReporting());

var app = builder.Build();
app.MapServiceDefaults();
app.MapMembership();
app.MapGroups();
app.MapMeetings();
app.MapReporting();
app.Lifetime.ApplicationStarted.Register(() => _ = DemoMeetingsSeed.RunThenPrintBannerAsync(app));
app.Run();
