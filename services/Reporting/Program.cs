// The reporting service in its own process (distributed mode): gRPC on GRPC_PORT; JSON, gRPC-Web and the dashboard on HTTP_PORT.
using NetworkPlatform.Hosting;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ReportingModule.ServiceName);
builder.Services.AddReporting(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddReporting());

var app = builder.Build();
app.MapServiceDefaults();
app.MapReporting();
app.Run();
