// The meetings service on its own (distributed mode): gRPC on GRPC_PORT, its own database, events on the bus.
using NetworkPlatform.Hosting;
using NetworkPlatform.Meetings;
using NetworkPlatform.Messaging.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MeetingsModule.ServiceName);
// Its event handlers call peers outside any request, as itself (its client at the issuer: Auth__ClientId).
builder.AddServiceIdentity(MeetingsModule.ServiceName);
builder.Services.AddMeetings(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddMeetings());

var app = builder.Build();
app.MapServiceDefaults();
app.MapMeetings();
app.Run();
