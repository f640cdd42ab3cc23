// make run: the platform in one process. Services are added here as they land; health and reflection are always on.
using NetworkPlatform.Grpc.Hosting;
using NetworkPlatform.Standalone;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["urls"] is null)
{
    builder.WebHost.UseUrls("http://127.0.0.1:5000");
}
builder.Services.AddGrpcServer();

var app = builder.Build();
app.MapGrpcHealthService();
app.MapGrpcReflectionService();
app.Lifetime.ApplicationStarted.Register(() => Banner.Print(app));
app.Run();
