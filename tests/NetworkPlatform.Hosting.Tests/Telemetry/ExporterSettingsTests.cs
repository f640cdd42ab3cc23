using NetworkPlatform.Hosting.Telemetry;

namespace NetworkPlatform.Hosting.Tests.Telemetry;

public class ExporterSettingsTests
{
    [Fact]
    public void exporters_are_off_without_otel_variables()
    {
        Assert.Equal(new PlatformTelemetry.ExporterSettings(false, false), PlatformTelemetry.ExporterSettings.From(_ => null));
    }

    [Fact]
    public void an_otlp_endpoint_turns_both_exporters_on_unless_one_is_set_to_none()
    {
        var env = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4317", ["OTEL_METRICS_EXPORTER"] = "none" };
        Assert.Equal(new PlatformTelemetry.ExporterSettings(true, false), PlatformTelemetry.ExporterSettings.From(k => env.GetValueOrDefault(k)));
    }

    [Fact]
    public void an_explicit_otlp_exporter_turns_it_on_without_an_endpoint()
    {
        Assert.Equal(new PlatformTelemetry.ExporterSettings(true, false),
            PlatformTelemetry.ExporterSettings.From(k => k == "OTEL_TRACES_EXPORTER" ? "otlp" : null));
    }
}
