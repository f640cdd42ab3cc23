// The groups service in its own process (distributed mode): gRPC on GRPC_PORT, its own database, events on the bus.
using NetworkPlatform.Groups;
using NetworkPlatform.Hosting;
using NetworkPlatform.Messaging.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(GroupsModule.ServiceName);
// Its event handlers call peers outside any request, as itself (its client at the issuer: Auth__ClientId).
builder.AddServiceIdentity(GroupsModule.ServiceName);
builder.Services.AddGroups(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddGroups());

var app = builder.Build();
app.MapServiceDefaults();
app.MapGroups();
app.Run();
