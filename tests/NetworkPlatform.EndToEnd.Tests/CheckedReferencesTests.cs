using Google.Rpc;
using Grpc.Core;
using NetworkPlatform.Application;
using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Membership.V1;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20.1 and 27.6 across the processes: reporting learns a network's groups and organisations from their owners' events
/// (over RabbitMQ) and refuses ids it has not learnt, and every service answers NOT_FOUND for a network never created.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class CheckedReferencesTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    private ReportingService.ReportingServiceClient Reporting => new(platform["reporting"].Channel);

    [Fact(Timeout = 120_000)]
    public async Task reporting_accepts_a_new_group_and_organisation_once_their_events_arrive_and_refuses_unknown_or_foreign_ids()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var other = new TestNetwork(platform);
        await other.CreateAsync();
        await network.MandatedWorkingGroupAsync("wg-penger", "Arbeidsgruppe penger");
        await other.MandatedWorkingGroupAsync("wg-fremmed", "Arbeidsgruppe i et annet nettverk");
        var organisation = await network.MemberOrganisationAsync("Fjordvik kommune");

        var grant = await Eventually.UntilAsync(() => AttemptAsync(() => Reporting.SetBaseGrantAsync(new SetBaseGrantRequest
        {
            NetworkId = network.Id, GroupId = "wg-penger", Year = 2026, Amount = "20000.00",
        }, network.Secretariat, TestNetwork.Soon)), r => r.Error is null, EventTimeout);
        var activity = new LogLearningActivityRequest
        {
            NetworkId = network.Id, Kind = LearningKind.ReflectionGroup, OrganisationId = organisation.Id,
            Date = new Reporting.V1.CalendarDate { Year = 2026, Month = 3, Day = 4 }, Hours = 2, Participants = 5,
            Description = "Refleksjon",
        };
        var learning = await Eventually.UntilAsync(() => AttemptAsync(() => Reporting.LogLearningActivityAsync(activity,
            network.Secretariat, TestNetwork.Soon)), r => r.Error is null, EventTimeout);
        // The other network's group is known to reporting (in its own network) before the foreign id is tried.
        await Eventually.UntilAsync(() => AttemptAsync(() => Reporting.GetGroupAccountsAsync(
            new GetGroupAccountsRequest { NetworkId = other.Id, GroupId = "wg-fremmed", Year = 2026 }, other.Secretariat,
            TestNetwork.Soon)),
            r => r.Error is null, EventTimeout);

        var foreign = await Assert.ThrowsAsync<RpcException>(async () => await Reporting.SetBaseGrantAsync(new SetBaseGrantRequest
        {
            NetworkId = network.Id, GroupId = "wg-fremmed", Year = 2026, Amount = "1.00",
        }, network.Secretariat, TestNetwork.Soon));
        var unknownOrganisation = await Assert.ThrowsAsync<RpcException>(async () => await Reporting.LogLearningActivityAsync(
            new LogLearningActivityRequest
            {
                NetworkId = network.Id, Kind = LearningKind.ReflectionGroup, OrganisationId = "org-typo",
                Date = new Reporting.V1.CalendarDate { Year = 2026, Month = 3, Day = 4 }, Hours = 2, Participants = 5, Description = "x",
            }, network.Secretariat, TestNetwork.Soon));

        Assert.True(grant.Error is null, $"{grant.Error}\n{platform.Logs()}");
        Assert.Equal("20000.00", grant.Value!.BaseGrant);
        Assert.True(learning.Error is null, $"{learning.Error}\n{platform.Logs()}");
        Assert.Equal((StatusCode.NotFound, $"networks/{network.Id}/groups/wg-fremmed"),
            (foreign.StatusCode, foreign.GetDetail<ResourceInfo>()!.ResourceName));
        Assert.Equal("networkplatform.membership.v1.Organisation", unknownOrganisation.GetDetail<ResourceInfo>()!.ResourceType);
    }

    [Fact(Timeout = 120_000)]
    public async Task every_service_answers_not_found_for_a_network_that_was_never_created()
    {
        var id = "net-never-" + Guid.NewGuid().ToString("N")[..8];
        var caller = await platform.CallerAsync(id, Roles.Secretariat);

        var errors = new[]
        {
            await ErrorAsync(() => new PersonService.PersonServiceClient(platform.Membership.Channel)
                .ListPersonsAsync(new ListPersonsRequest { NetworkId = id }, caller, TestNetwork.Soon)),
            await ErrorAsync(() => new GroupsService.GroupsServiceClient(platform.Groups.Channel)
                .ListGroupsAsync(new ListGroupsRequest { NetworkId = id }, caller, TestNetwork.Soon)),
            await ErrorAsync(() => new MeetingsService.MeetingsServiceClient(platform.Meetings.Channel)
                .ListMeetingsAsync(new ListMeetingsRequest { NetworkId = id }, caller, TestNetwork.Soon)),
            await ErrorAsync(() => Reporting.GetNetworkHealthAsync(new GetNetworkHealthRequest { NetworkId = id, Year = 2026 }, caller,
                TestNetwork.Soon)),
        };

        Assert.All(errors, e => Assert.Equal((StatusCode.NotFound, $"networks/{id}"),
            (e.StatusCode, e.GetDetail<ResourceInfo>()?.ResourceName)));
    }

    private static async Task<(T? Value, RpcException? Error)> AttemptAsync<T>(Func<AsyncUnaryCall<T>> call)
        where T : class
    {
        try
        {
            return (await call(), null);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return (null, e);
        }
    }

    private static async Task<RpcException> ErrorAsync<T>(Func<AsyncUnaryCall<T>> call) =>
        await Assert.ThrowsAsync<RpcException>(async () => await call());
}
