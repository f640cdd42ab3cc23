// The groups service on its own (distributed mode): gRPC on GRPC_PORT (8080), its database, the bus.
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Groups;
using NetworkPlatform.Messaging.Bus;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["urls"] is null)
{
    builder.WebHost.UseUrls($"http://0.0.0.0:{builder.Configuration["GRPC_PORT"] ?? "8080"}");
}
builder.Services.AddGrpcServer();
builder.Services.AddGroups(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddGroups());

var app = builder.Build();
app.MapGrpcHealthService();
app.MapGrpcReflectionService();
app.MapGroups();
app.Run();
