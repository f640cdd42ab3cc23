using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>
/// Membership and groups seed themselves before the server listens; the meetings seed reads the groups over gRPC, so it
/// runs once this process answers calls, under the standalone service's own identity (a token from the embedded issuer).
/// Then the banner says what to do next.
/// </summary>
internal static class DemoMeetingsSeed
{
    public static async Task RunThenPrintBannerAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILogger<StandaloneSettings>>();
        var warnings = new List<string>();
        try
        {
            var stopping = app.Lifetime.ApplicationStopping;
            var authorization = await app.Services.GetRequiredService<ServiceIdentity>()
                .AuthorizationForAsync(DemoMeetings.Partnership, stopping);
            await DemoMeetings.SeedAsync(app.Services, DemoMeetings.Partnership, authorization, stopping);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogError(error,
                "Seeding the demo meetings failed; the platform runs without them. Delete the data directory to seed again from scratch.");
            warnings.Add("The demo meetings could not be seeded (see the error above); make clean && make run seeds again from scratch.");
        }
        Banner.Print(app, warnings);
    }
}
