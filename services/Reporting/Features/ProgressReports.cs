using NetworkPlatform.Events.Reporting;
using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;
using DomainStatus = NetworkPlatform.Reporting.Domain.MeasureStatus;
using ProtoStatus = NetworkPlatform.Reporting.V1.MeasureStatus;

namespace NetworkPlatform.Reporting.Features;

/// <summary>Group leaders report progress on measures; progress rolls up from sub-measures.</summary>
public sealed class ProgressReports(IDocumentStore store, ReportingCommands commands, ReportingQueries queries, TimeProvider clock)
{
    public async Task<V1.ProgressReport> SubmitAsync(SubmitProgressReportRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        caller.EnsureAnyRole(Roles.GroupLeader, Roles.Secretariat);
        var validation = new Validation().Required("measure_id", request.MeasureId);
        var start = validation.Date("period_start", request.PeriodStart);
        var end = validation.Date("period_end", request.PeriodEnd);
        if (request.PeriodStart is not null && request.PeriodEnd is not null && end < start)
        {
            validation.Add("period_end", "Must not be before period_start.");
        }
        if (request.Percent is < 0 or > 100)
        {
            validation.Add("percent", $"{request.Percent} is not a percentage; use 0-100.");
        }
        if (request.Status == ProtoStatus.Unspecified || !System.Enum.IsDefined(request.Status))
        {
            validation.Add("status", "Required: NOT_STARTED, ON_TRACK, AT_RISK, LATE or DONE.");
        }
        validation.ThrowIfInvalid();

        var measure = await store.GetAsync(ReportingCollections.Measures, request.NetworkId, request.MeasureId, ct)
            ?? throw RpcErrors.NotFound("measure", request.MeasureId);
        if (await commands.PreviousResultAsync(request.NetworkId, "progress", request.RequestId, ct) is { } previousId)
        {
            return ToProto(request.MeasureId, measure.Document.Reports.Single(r => r.ReportId == previousId));
        }

        var reportId = Guid.NewGuid().ToString("N");
        var submitted = new ProgressReportSubmitted(Guid.NewGuid(), clock.GetUtcNow(), request.NetworkId, request.MeasureId, measure.Version + 1,
            reportId, request.MeasureId, start, end, ToDomain(request.Status).ToString(), request.Percent, request.Narrative, caller.Subject);
        await commands.CommitAsync(submitted, ct, "progress", request.RequestId, reportId);
        return ToProto(request.MeasureId, new Domain.ProgressReport(reportId, start, end, ToDomain(request.Status), request.Percent, request.Narrative, caller.Subject, submitted.OccurredAt));
    }

    public async Task<ListProgressReportsResponse> ListAsync(ListProgressReportsRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        new Validation().Required("measure_id", request.MeasureId).ThrowIfInvalid();
        var measure = await store.GetAsync(ReportingCollections.Measures, request.NetworkId, request.MeasureId, ct)
            ?? throw RpcErrors.NotFound("measure", request.MeasureId);
        var response = new ListProgressReportsResponse();
        response.Reports.AddRange(measure.Document.Reports.OrderBy(r => r.PeriodEnd).ThenBy(r => r.SubmittedAt).Select(r => ToProto(request.MeasureId, r)));
        return response;
    }

    public async Task<GetMeasureProgressResponse> GetProgressAsync(GetMeasureProgressRequest request, Caller caller, CancellationToken ct)
    {
        caller.EnsureNetwork(request.NetworkId);
        new Validation().Year("year", request.Year).ThrowIfInvalid();
        var measures = await queries.AllAsync(ReportingCollections.Measures, request.NetworkId, ct,
            ReportingCollections.Measures.Query().Where(m => m.Year, request.Year));
        var parents = measures.ToDictionary(m => m.MeasureId, m => m.ParentMeasureId);
        var figures = MeasureProgressFigures.Compute(measures, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .Where(f => request.GroupId.Length == 0 || f.GroupId == request.GroupId)
            .ToList();
        var response = new GetMeasureProgressResponse
        {
            OnTrack = figures.Count(f => !f.IsLate && f.Status == DomainStatus.OnTrack),
            Late = figures.Count(f => f.IsLate),
            Done = figures.Count(f => f.Status == DomainStatus.Done),
        };
        response.Measures.AddRange(figures.Select(f => new MeasureProgress
        {
            MeasureId = f.MeasureId,
            Title = f.Title,
            GroupId = f.GroupId ?? "",
            ParentMeasureId = parents[f.MeasureId] ?? "",
            Percent = (double)f.Percent,
            Status = ToProto(f.Status),
            Late = f.IsLate,
            RolledUp = f.RolledUp,
        }));
        return response;
    }

    private static V1.ProgressReport ToProto(string measureId, Domain.ProgressReport report) => new()
    {
        ReportId = report.ReportId,
        MeasureId = measureId,
        PeriodStart = Dates.ToProto(report.PeriodStart),
        PeriodEnd = Dates.ToProto(report.PeriodEnd),
        Status = ToProto(report.Status),
        Percent = report.Percent,
        Narrative = report.Narrative,
        SubmittedBy = report.SubmittedBy,
        SubmittedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(report.SubmittedAt),
    };

    private static DomainStatus ToDomain(ProtoStatus status) => status switch
    {
        ProtoStatus.NotStarted => DomainStatus.NotStarted,
        ProtoStatus.OnTrack => DomainStatus.OnTrack,
        ProtoStatus.AtRisk => DomainStatus.AtRisk,
        ProtoStatus.Late => DomainStatus.Late,
        _ => DomainStatus.Done,
    };

    private static ProtoStatus ToProto(DomainStatus status) => status switch
    {
        DomainStatus.NotStarted => ProtoStatus.NotStarted,
        DomainStatus.OnTrack => ProtoStatus.OnTrack,
        DomainStatus.AtRisk => ProtoStatus.AtRisk,
        DomainStatus.Late => ProtoStatus.Late,
        _ => ProtoStatus.Done,
    };
}

internal static class Dates
{
    public static CalendarDate ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
