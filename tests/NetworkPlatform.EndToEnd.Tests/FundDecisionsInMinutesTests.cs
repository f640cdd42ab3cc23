using Grpc.Core;
using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Meetings.V1;
using NetworkPlatform.Reporting.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20.4 across the processes (PostgreSQL + RabbitMQ): reporting's fund application reaches meetings' copy, the
/// minutes' FUND_APPLICATION_APPROVED decision names it (an unknown one is refused at minutes time), and publishing the
/// minutes grants the money in reporting's accounts, decided by that meeting.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class FundDecisionsInMinutesTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task an_approval_in_published_minutes_grants_the_named_application_in_the_accounts()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", "Ingrid Haugen", "ingrid@fjordvik.example");
        await network.MandatedWorkingGroupAsync("wg-digital", "Arbeidsgruppe digital mobbing");
        await network.AssignAsync("wg-digital", ingrid.PersonId, Groups.V1.Role.Member);
        await network.SetSecretariatAddressAsync();
        var reporting = new ReportingService.ReportingServiceClient(platform["reporting"].Channel);
        var year = DateTime.UtcNow.Year;
        // Reporting learns the group from its event first (NOT_FOUND until then).
        var submitted = await Eventually.UntilAsync<GroupAccounts?>(async () =>
        {
            try
            {
                return await reporting.SubmitFundApplicationAsync(new SubmitFundApplicationRequest
                {
                    NetworkId = network.Id, GroupId = "wg-digital", Year = year, Purpose = "Foreldremøter", AmountRequested = "15000.00",
                    RequestId = "fund-1",
                }, network.Secretariat, TestNetwork.Soon);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, a => a is not null, EventTimeout);
        var applicationId = Assert.Single(submitted!.FundApplications).ApplicationId;
        var meeting = await network.ScheduleAndInviteAsync("wg-digital", MeetingKind.Interim, "Underveismøte",
            DateTimeOffset.UtcNow.AddHours(-1));
        await network.RecordPresentAsync(meeting.MeetingId, ingrid);
        Task<Meeting> DecideAsync(string id) => network.Meetings.RecordDecisionAsync(new RecordDecisionRequest
        {
            NetworkId = network.Id,
            MeetingId = meeting.MeetingId,
            Decision = new Decision { Kind = DecisionKind.FundApplicationApproved, Text = "Innvilget 12 000 kroner fra Partnerpotten.",
                Amount = "12000.00", FundApplicationId = id },
        }, network.Secretariat, TestNetwork.Soon).ResponseAsync;

        var unknown = await Assert.ThrowsAsync<RpcException>(() => DecideAsync("no-such-application"));
        // Meetings' copy of the application follows reporting's event (about a second).
        await Eventually.UntilAsync<Meeting?>(async () =>
        {
            try
            {
                return await DecideAsync(applicationId);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return null;
            }
        }, m => m is not null, EventTimeout);
        await network.Meetings.GenerateMinutesDraftAsync(new GenerateMinutesDraftRequest { NetworkId = network.Id,
            MeetingId = meeting.MeetingId }, network.Secretariat, TestNetwork.Soon);
        await network.Meetings.ApproveMinutesAsync(new ApproveMinutesRequest { NetworkId = network.Id, MeetingId = meeting.MeetingId },
            network.Secretariat, TestNetwork.Soon);
        await network.Meetings.PublishMinutesAsync(new PublishMinutesRequest { NetworkId = network.Id, MeetingId = meeting.MeetingId },
            network.Secretariat, TestNetwork.Soon);
        var accounts = await Eventually.UntilAsync(() => reporting.GetGroupAccountsAsync(new GetGroupAccountsRequest
        {
            NetworkId = network.Id, GroupId = "wg-digital", Year = year,
        }, network.Secretariat, TestNetwork.Soon).ResponseAsync, a => a.FundApplications[0].State == FundApplicationState.Approved,
            EventTimeout);

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        var application = Assert.Single(accounts.FundApplications);
        Assert.True(application.State == FundApplicationState.Approved,
            $"The minutes' approval did not reach the accounts.\n{platform.Logs()}");
        Assert.Equal(("12000.00", meeting.MeetingId, "12000.00"), (application.AmountGranted, application.DecidedByMeetingId,
            accounts.Granted));
    }
}
