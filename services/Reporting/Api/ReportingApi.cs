using Grpc.Core;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Reporting.Features.Indicators;
using NetworkPlatform.Reporting.Features.Learning;
using NetworkPlatform.Reporting.Features.Live;
using NetworkPlatform.Reporting.Features.Money;
using NetworkPlatform.Reporting.Features.Operations;
using NetworkPlatform.Reporting.Features.Progress;
using NetworkPlatform.Reporting.Features.Reports;
using NetworkPlatform.Reporting.V1;
using static NetworkPlatform.Reporting.Api.ReportingMapping;

namespace NetworkPlatform.Reporting.Api;

/// <summary>networkplatform.reporting.v1.ReportingService: each call runs its use case; the live streams loop here.</summary>
public sealed class ReportingApi(
    SubmitProgressReport submitProgressReport,
    ListProgressReports listProgressReports,
    GetMeasureProgress getMeasureProgress,
    CreateIndicator createIndicator,
    RecordIndicatorValue recordIndicatorValue,
    ListIndicators listIndicators,
    SetBaseGrant setBaseGrant,
    SubmitFundApplication submitFundApplication,
    DecideFundApplication decideFundApplication,
    RecordExpense recordExpense,
    SignOffAccounts signOffAccounts,
    GetGroupAccounts getGroupAccounts,
    ListGroupMeetingFacts listGroupMeetingFacts,
    LogLearningActivity logLearningActivity,
    SummariseLearning summariseLearning,
    GetAnnualReport getAnnualReport,
    GetNetworkHealth getNetworkHealth,
    WatchEvents watchEvents,
    ReadEvents readEvents,
    ListRecentEvents listRecentEvents,
    WatchNetworkHealth watchNetworkHealth,
    Features.Operations.RebuildProjections rebuildProjections,
    Features.PersonalData.ExportPersonalData exportPersonalData,
    TimeProvider clock) : ReportingService.ReportingServiceBase
{
    /// <summary>A burst of events (a meeting's attendance, minutes, decisions) gives one update once it has been quiet this
    /// long...</summary>
    private static readonly TimeSpan HealthQuietPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>...or once it has lasted this long, so a steady stream of events still shows progress.</summary>
    private static readonly TimeSpan HealthMaxDelay = TimeSpan.FromSeconds(2);

    public override Task<ProgressReport> SubmitProgressReport(SubmitProgressReportRequest request, ServerCallContext context) =>
        context.RunAsync(submitProgressReport, ToCommand(request), ToProto);

    public override Task<ListProgressReportsResponse> ListProgressReports(ListProgressReportsRequest request, ServerCallContext context) =>
        context.RunAsync(listProgressReports, ToQuery(request), ToProto);

    public override Task<GetMeasureProgressResponse> GetMeasureProgress(GetMeasureProgressRequest request, ServerCallContext context) =>
        context.RunAsync(getMeasureProgress, ToQuery(request), ToProto);

    public override Task<Indicator> CreateIndicator(CreateIndicatorRequest request, ServerCallContext context) =>
        context.RunAsync(createIndicator, ToCommand(request), ToProto);

    public override Task<Indicator> RecordIndicatorValue(RecordIndicatorValueRequest request, ServerCallContext context) =>
        context.RunAsync(recordIndicatorValue, ToCommand(request), ToProto);

    public override Task<ListIndicatorsResponse> ListIndicators(ListIndicatorsRequest request, ServerCallContext context) =>
        context.RunAsync(listIndicators, new ListIndicatorsQuery(request.NetworkId, request.MeasureId), ToProto);

    public override Task<GroupAccounts> SetBaseGrant(SetBaseGrantRequest request, ServerCallContext context) =>
        context.RunAsync(setBaseGrant, ToCommand(request), ToProto);

    public override Task<GroupAccounts> SubmitFundApplication(SubmitFundApplicationRequest request, ServerCallContext context) =>
        context.RunAsync(submitFundApplication, ToCommand(request), ToProto);

    public override Task<GroupAccounts> DecideFundApplication(DecideFundApplicationRequest request, ServerCallContext context) =>
        context.RunAsync(decideFundApplication, ToCommand(request), ToProto);

    public override Task<GroupAccounts> RecordExpense(RecordExpenseRequest request, ServerCallContext context) =>
        context.RunAsync(recordExpense, ToCommand(request), ToProto);

    public override Task<GroupAccounts> SignOffAccounts(SignOffAccountsRequest request, ServerCallContext context) =>
        context.RunAsync(signOffAccounts, new SignOffAccountsCommand(request.NetworkId, request.GroupId, request.Year, request.Etag),
            ToProto);

    public override Task<GroupAccounts> GetGroupAccounts(GetGroupAccountsRequest request, ServerCallContext context) =>
        context.RunAsync(getGroupAccounts, new GetGroupAccountsQuery(request.NetworkId, request.GroupId, request.Year), ToProto);

    public override Task<ListGroupMeetingFactsResponse> ListGroupMeetingFacts(ListGroupMeetingFactsRequest request,
        ServerCallContext context) => context.RunAsync(listGroupMeetingFacts, ToQuery(request), ToProto);

    public override Task<LearningActivity> LogLearningActivity(LogLearningActivityRequest request, ServerCallContext context) =>
        context.RunAsync(logLearningActivity, ToCommand(request), ToProto);

    public override Task<SummariseLearningResponse> SummariseLearning(SummariseLearningRequest request, ServerCallContext context) =>
        context.RunAsync(summariseLearning, ToQuery(request), ToProto);

    public override Task<AnnualReport> GetAnnualReport(GetAnnualReportRequest request, ServerCallContext context) =>
        context.RunAsync(getAnnualReport, ToQuery(request), ToProto);

    public override Task<NetworkHealth> GetNetworkHealth(GetNetworkHealthRequest request, ServerCallContext context) =>
        context.RunAsync(getNetworkHealth, ToQuery(request), ToProto);

    public override Task<ListRecentEventsResponse> ListRecentEvents(ListRecentEventsRequest request, ServerCallContext context) =>
        context.RunAsync(listRecentEvents, new ListRecentEventsQuery(request.NetworkId, request.PageSize),
            events => new ListRecentEventsResponse { Events = { events.Select(ToProto) } });

    public override Task<ReadEventsResponse> ReadEvents(ReadEventsRequest request, ServerCallContext context) =>
        context.RunAsync(readEvents, ToQuery(request), ToProto);

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<EventEnvelope> responseStream,
        ServerCallContext context)
    {
        // Subscribed before the headers go out: a client that has the headers misses no event logged after.
        using var events = await context.RunAsync(watchEvents, ToQuery(request), stream => stream);
        await context.WriteResponseHeadersAsync([]);
        await foreach (var logged in events.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(ToProto(logged), context.CancellationToken);
        }
    }

    public override async Task WatchNetworkHealth(GetNetworkHealthRequest request, IServerStreamWriter<NetworkHealth> responseStream,
        ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var query = ToQuery(request);
        using var events = await context.RunAsync(watchNetworkHealth, query, subscription => subscription);
        await responseStream.WriteAsync(await context.RunAsync(getNetworkHealth, query, ToProto), ct);
        while (await events.Reader.WaitToReadAsync(ct))
        {
            var burstStarted = clock.GetTimestamp();
            do
            {
                while (events.Reader.TryRead(out _))
                {
                }
                await Task.Delay(HealthQuietPeriod, clock, ct);
            }
            while (events.Reader.TryPeek(out _) && clock.GetElapsedTime(burstStarted) < HealthMaxDelay);
            await responseStream.WriteAsync(await context.RunAsync(getNetworkHealth, query, ToProto), ct);
        }
    }

    public override async Task RebuildProjections(RebuildProjectionsRequest request, IServerStreamWriter<RebuildProgress> responseStream,
        ServerCallContext context)
    {
        var steps = await context.RunAsync(rebuildProjections, new RebuildProjectionsCommand(request.NetworkId), all => all);
        await foreach (var step in steps.WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(ToProto(step), context.CancellationToken);
        }
    }

    public override Task<Privacy.V1.PersonalDataExport> ExportPersonalData(Privacy.V1.ExportPersonalDataRequest request,
        ServerCallContext context) =>
        context.RunAsync(exportPersonalData, PersonalDataMapping.ToQuery(request), PersonalDataMapping.ToProto);
}
