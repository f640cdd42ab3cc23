using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Features;
using NetworkPlatform.Reporting.Projections;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Reporting.Api;

/// <summary>networkplatform.reporting.v1.ReportingService: authenticates the caller and hands each call to its feature.</summary>
public sealed class ReportingGrpcService(
    ProgressReports progress,
    Indicators indicators,
    Money money,
    Learning learning,
    AnnualReports annualReports,
    ReportingQueries queries,
    RebuildProjections rebuild,
    LiveFeed feed,
    TimeProvider clock) : ReportingService.ReportingServiceBase
{
    /// <summary>A burst of events (a meeting's attendance, minutes, decisions) gives one update once it has been quiet this long...</summary>
    private static readonly TimeSpan HealthQuietPeriod = TimeSpan.FromMilliseconds(250);

    /// <summary>...or once it has lasted this long, so a steady stream of events still shows progress.</summary>
    private static readonly TimeSpan HealthMaxDelay = TimeSpan.FromSeconds(2);

    public override Task<ProgressReport> SubmitProgressReport(SubmitProgressReportRequest request, ServerCallContext context) =>
        Calls.RunAsync(progress.SubmitAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<ListProgressReportsResponse> ListProgressReports(ListProgressReportsRequest request, ServerCallContext context) =>
        Calls.RunAsync(progress.ListAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<GetMeasureProgressResponse> GetMeasureProgress(GetMeasureProgressRequest request, ServerCallContext context) =>
        Calls.RunAsync(progress.GetProgressAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<Indicator> CreateIndicator(CreateIndicatorRequest request, ServerCallContext context) =>
        Calls.RunAsync(indicators.CreateAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<Indicator> RecordIndicatorValue(RecordIndicatorValueRequest request, ServerCallContext context) =>
        Calls.RunAsync(indicators.RecordValueAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<ListIndicatorsResponse> ListIndicators(ListIndicatorsRequest request, ServerCallContext context) =>
        Calls.RunAsync(indicators.ListAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<GroupAccounts> SetBaseGrant(SetBaseGrantRequest request, ServerCallContext context) =>
        Calls.RunAsync(money.SetBaseGrantAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<GroupAccounts> SubmitFundApplication(SubmitFundApplicationRequest request, ServerCallContext context) =>
        Calls.RunAsync(money.SubmitFundApplicationAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<GroupAccounts> DecideFundApplication(DecideFundApplicationRequest request, ServerCallContext context) =>
        Calls.RunAsync(money.DecideFundApplicationAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<GroupAccounts> RecordExpense(RecordExpenseRequest request, ServerCallContext context) =>
        Calls.RunAsync(money.RecordExpenseAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<GroupAccounts> SignOffAccounts(SignOffAccountsRequest request, ServerCallContext context) =>
        Calls.RunAsync(money.SignOffAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<GroupAccounts> GetGroupAccounts(GetGroupAccountsRequest request, ServerCallContext context) =>
        Calls.RunAsync(money.GetAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<LearningActivity> LogLearningActivity(LogLearningActivityRequest request, ServerCallContext context) =>
        Calls.RunAsync(learning.LogAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<SummariseLearningResponse> SummariseLearning(SummariseLearningRequest request, ServerCallContext context) =>
        Calls.RunAsync(learning.SummariseAsync(request, context.GetCaller(), context.CancellationToken));

    public override Task<AnnualReport> GetAnnualReport(GetAnnualReportRequest request, ServerCallContext context) =>
        Calls.RunAsync(annualReports.GetAsync(request, context.GetCaller(), context.CancellationToken));

    public override async Task<NetworkHealth> GetNetworkHealth(GetNetworkHealthRequest request, ServerCallContext context)
    {
        Authorise(request, context);
        var facts = await Calls.RunAsync(queries.LoadAsync(request.NetworkId, request.Year, context.CancellationToken));
        return NetworkHealthReport.Compute(request.NetworkId, request.Year, facts, clock.GetUtcNow());
    }

    public override async Task WatchEvents(WatchEventsRequest request, IServerStreamWriter<EventEnvelope> responseStream, ServerCallContext context)
    {
        context.GetCaller().EnsureNetwork(request.NetworkId);
        var kinds = request.Kinds.ToHashSet(StringComparer.Ordinal);
        // Subscribed before the headers go out: a client that has the headers misses no event published after.
        using var events = feed.Subscribe(request.NetworkId);
        await context.WriteResponseHeadersAsync([]);
        await foreach (var logged in events.Reader.ReadAllAsync(context.CancellationToken))
        {
            if (kinds.Count == 0 || kinds.Contains(logged.Kind))
            {
                await responseStream.WriteAsync(new EventEnvelope
                {
                    EventId = logged.EventId.ToString(),
                    Kind = logged.Kind,
                    AggregateId = logged.AggregateId,
                    AggregateVersion = logged.AggregateVersion,
                    OccurredAt = Timestamp.FromDateTimeOffset(logged.OccurredAt),
                    PayloadJson = logged.PayloadJson,
                }, context.CancellationToken);
            }
        }
    }

    public override async Task WatchNetworkHealth(GetNetworkHealthRequest request, IServerStreamWriter<NetworkHealth> responseStream, ServerCallContext context)
    {
        Authorise(request, context);
        var ct = context.CancellationToken;
        using var events = feed.Subscribe(request.NetworkId);
        await responseStream.WriteAsync(await GetNetworkHealth(request, context), ct);
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
            await responseStream.WriteAsync(await GetNetworkHealth(request, context), ct);
        }
    }

    public override async Task RebuildProjections(RebuildProjectionsRequest request, IServerStreamWriter<RebuildProgress> responseStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureAnyRole(Roles.Operator);
        try
        {
            await foreach (var (replayed, total) in rebuild.RunAsync(request.NetworkId, context.CancellationToken))
            {
                var step = new RebuildProgress
                {
                    EventsReplayed = replayed, EventsTotal = total, Message = $"replayed {replayed} of {total} events",
                };
                await responseStream.WriteAsync(step, context.CancellationToken);
            }
        }
        catch (StorageUnavailableException unavailable)
        {
            throw Calls.Unavailable(unavailable);
        }
        await responseStream.WriteAsync(new RebuildProgress { Done = true, Message = "read models rebuilt from the event log" }, context.CancellationToken);
    }

    private static void Authorise(GetNetworkHealthRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureNetwork(request.NetworkId);
        new Validation().Year("year", request.Year).ThrowIfInvalid();
    }
}
