// The membership service in its own process (distributed mode): gRPC on GRPC_PORT, its own database, events on the bus.
using NetworkPlatform.Hosting;
using NetworkPlatform.Membership;
using NetworkPlatform.Messaging.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MembershipModule.ServiceName);
builder.Services.AddMembership(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddMembership());

var app = builder.Build();
app.MapServiceDefaults();
app.MapMembership();
app.Run();
