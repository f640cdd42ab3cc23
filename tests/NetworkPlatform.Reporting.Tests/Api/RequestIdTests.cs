using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using NetworkPlatform.Application;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Tests.Api;

/// <summary>A create with a request_id happens once: retries get the first result, also across the upgrade of the scheme.</summary>
public sealed class RequestIdTests
{
    private const string Net = ReportingHost.Network;

    [Fact]
    public async Task a_retry_sent_across_the_upgrade_gets_what_the_old_request_record_names()
    {
        await using var host = await ReportingHost.StartAsync();
        await host.AnnounceAsync(ReportingHost.Organisation("org-a"));
        var representative = host.As(Roles.Representative);
        var first = await host.Client.LogLearningActivityAsync(Activity(requestId: ""), representative);
        var requestId = Guid.NewGuid().ToString();
        // What the service kept for a request_id before IdempotencyKeys: "<operation>:<request_id>" -> the id it made.
        var store = host.Services.GetRequiredKeyedService<IDocumentStore>(ReportingModule.ServiceName);
        await using (var unit = await store.BeginAsync())
        {
            await unit.InsertAsync(ReportingCollections.Requests, Net, new CompletedRequest($"learning:{requestId}", first.ActivityId));
            await unit.CommitAsync();
        }

        var retried = await host.Client.LogLearningActivityAsync(Activity(requestId), representative);

        Assert.Equal(first.ActivityId, retried.ActivityId);
        Assert.Equal(1, Assert.Single((await SummaryAsync(host)).Kinds).Activities);
    }

    [Fact]
    public async Task a_request_id_reused_for_another_request_is_refused()
    {
        await using var host = await ReportingHost.StartAsync();
        await host.AnnounceAsync(ReportingHost.Organisation("org-a"));
        var representative = host.As(Roles.Representative);
        var requestId = Guid.NewGuid().ToString();
        await host.Client.LogLearningActivityAsync(Activity(requestId), representative);

        var other = Activity(requestId);
        other.Hours = 3;
        var reused = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.LogLearningActivityAsync(other, representative));

        Assert.Equal(StatusCode.AlreadyExists, reused.StatusCode);
        Assert.Equal(1, Assert.Single((await SummaryAsync(host)).Kinds).Activities);
    }

    private static LogLearningActivityRequest Activity(string requestId) => new()
    {
        NetworkId = Net, Kind = LearningKind.MentorScheme, OrganisationId = "org-a", Date = new CalendarDate { Year = 2026, Month = 5, Day = 4 },
        Hours = 2, Participants = 3, Description = "New nurses", RequestId = requestId,
    };

    private static async Task<SummariseLearningResponse> SummaryAsync(ReportingHost host) => await host.Client.SummariseLearningAsync(
        new SummariseLearningRequest
        {
            NetworkId = Net, From = new CalendarDate { Year = 2026, Month = 1, Day = 1 }, To = new CalendarDate { Year = 2027, Month = 1, Day = 1 },
        }, host.As(Roles.Representative));
}
