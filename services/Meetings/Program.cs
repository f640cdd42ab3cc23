// The meetings service on its own (distributed mode): gRPC on GRPC_PORT, its own database, events on the bus.
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Meetings;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Storage.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls($"http://0.0.0.0:{builder.Configuration["GRPC_PORT"] ?? "8080"}");
builder.Services.AddGrpcServer();
builder.Services.AddDocumentStore(builder.Configuration.GetSection("Storage"), MeetingsModule.ServiceName);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), MeetingsModule.ServiceName, MeetingsModule.Events);
builder.Services.AddMeetings(builder.Configuration);

var app = builder.Build();
app.MapGrpcHealthService();
app.MapGrpcReflectionService();
app.MapMeetings();
app.Run();
