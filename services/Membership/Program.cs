// The membership service in its own process (distributed mode): gRPC on GRPC_PORT, its own database, events on the bus.
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership;
using NetworkPlatform.Messaging.Bus;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls($"http://0.0.0.0:{builder.Configuration["GRPC_PORT"] ?? "8080"}");
builder.Services.AddGrpcServer();
builder.Services.AddPlatformAuthentication(builder.Configuration);
builder.Services.AddMembership(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), MembershipModule.ServiceName);

var app = builder.Build();
app.MapGrpcHealthService();
app.MapGrpcReflectionService();
app.MapMembership();
app.Run();
