using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Meetings.Seed;

namespace NetworkPlatform.Standalone;

/// <summary>
/// Membership and groups seed themselves before the server listens; the meetings seed reads the groups over gRPC, so it
/// runs once this process answers calls, as the partnership's secretariat. Then the banner says what to do next.
/// </summary>
internal static class DemoMeetingsSeed
{
    public static async Task RunThenPrintBannerAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILogger<StandaloneSettings>>();
        var warnings = new List<string>();
        try
        {
            var secretariat = app.Services.GetRequiredService<DevelopmentTokens>().Issue("demo-seed", DemoMeetings.Partnership,
                [Roles.Secretariat]);
            await DemoMeetings.SeedAsync(app.Services, DemoMeetings.Partnership, "Bearer " + secretariat, app.Lifetime.ApplicationStopping);
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
