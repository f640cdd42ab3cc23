// The reporting service in its own process (distributed mode): gRPC on GRPC_PORT, the dashboard on HTTP_PORT.
using NetworkPlatform.Hosting;
using NetworkPlatform.Messaging.Bus;
using NetworkPlatform.Reporting;
using NetworkPlatform.Reporting.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ReportingModule.ServiceName);
builder.AddDashboardEndpoint(builder.Configuration.GetValue("HTTP_PORT", DashboardEndpoints.DefaultPort));
builder.Services.AddReporting(builder.Configuration);
builder.Services.AddEventBus(builder.Configuration.GetSection("Bus"), bus => bus.AddReporting());

var app = builder.Build();
app.MapServiceDefaults();
app.MapReporting();
app.Run();
