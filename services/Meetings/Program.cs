// The meetings service on its own (distributed mode): gRPC on GRPC_PORT, its own database, events on the bus.
using NetworkPlatform.Hosting;
using NetworkPlatform.Meetings;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MeetingsModule.ServiceName);
builder.Services.AddDocumentStore(builder.Configuration.GetSection("Storage"), MeetingsModule.ServiceName);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), MeetingsModule.ServiceName, MeetingsModule.Events);
builder.Services.AddMeetings(builder.Configuration);

var app = builder.Build();
app.MapServiceDefaults();
app.MapMeetings();
app.Run();
