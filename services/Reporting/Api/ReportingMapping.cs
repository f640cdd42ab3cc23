using System.Globalization;
using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Hosting.Api;
using NetworkPlatform.Reporting.Features;
using NetworkPlatform.Reporting.Features.Indicators;
using NetworkPlatform.Reporting.Features.Learning;
using NetworkPlatform.Reporting.Features.Live;
using NetworkPlatform.Reporting.Features.Money;
using NetworkPlatform.Reporting.Features.Operations;
using NetworkPlatform.Reporting.Features.Progress;
using NetworkPlatform.Reporting.Features.Reports;
using NetworkPlatform.Reporting.Storage;
using NetworkPlatform.Reporting.V1;
using NetworkPlatform.Storage;
using Domain = NetworkPlatform.Reporting.Domain;
using Health = NetworkPlatform.Reporting.Features.Reports;

namespace NetworkPlatform.Reporting.Api;

/// <summary>The one place the reporting service maps proto requests to its use cases' records, and their results back.</summary>
internal static partial class ReportingMapping
{
    public static SubmitProgressReportCommand ToCommand(SubmitProgressReportRequest request) => new(request.NetworkId, request.MeasureId,
        ToDay(request.PeriodStart), ToDay(request.PeriodEnd), request.Status.ToMeasureStatus(), request.Percent, request.Narrative,
            request.RequestId);

    public static ListProgressReportsQuery ToQuery(ListProgressReportsRequest request) => new(request.NetworkId, request.MeasureId);

    public static GetMeasureProgressQuery ToQuery(GetMeasureProgressRequest request) => new(request.NetworkId, request.Year,
        request.GroupId);

    public static CreateIndicatorCommand ToCommand(CreateIndicatorRequest request) => new(request.NetworkId, request.Name, request.Unit,
        request.MeasureId, request.HasTarget ? request.Target : null, request.RequestId);

    public static RecordIndicatorValueCommand ToCommand(RecordIndicatorValueRequest request) =>
        new(request.NetworkId, request.IndicatorId, ToDay(request.Date), request.Value, request.Note);

    public static SetBaseGrantCommand ToCommand(SetBaseGrantRequest request) =>
        new(request.NetworkId, request.GroupId, request.Year, request.Amount, request.Etag);

    public static SubmitFundApplicationCommand ToCommand(SubmitFundApplicationRequest request) => new(request.NetworkId, request.GroupId,
        request.Year, request.Purpose, request.AmountRequested, request.RequestId);

    public static DecideFundApplicationCommand ToCommand(DecideFundApplicationRequest request) => new(request.NetworkId, request.GroupId,
        request.Year, request.ApplicationId, request.Approved, request.AmountGranted, request.Etag);

    public static RecordExpenseCommand ToCommand(RecordExpenseRequest request) => new(request.NetworkId, request.GroupId, request.Year,
        request.Amount, request.Description, ToDay(request.Date), request.MeasureId, request.RequestId);

    public static LogLearningActivityCommand ToCommand(LogLearningActivityRequest request) => new(request.NetworkId, ToDomain(request.Kind),
        request.OrganisationId, request.GroupId, ToDay(request.Date), request.Hours, request.Participants, request.Description,
            request.RequestId);

    public static SummariseLearningQuery ToQuery(SummariseLearningRequest request) => new(request.NetworkId, ToDay(request.From),
        ToDay(request.To));

    public static GetAnnualReportQuery ToQuery(GetAnnualReportRequest request) => new(request.NetworkId, request.Year, request.GroupId,
        request.Format switch
        {
            V1.ReportFormat.Markdown => Features.Reports.ReportFormat.Markdown,
            V1.ReportFormat.Csv => Features.Reports.ReportFormat.Csv,
            _ => null,
        });

    public static GetNetworkHealthQuery ToQuery(GetNetworkHealthRequest request) => new(request.NetworkId, request.Year);

    public static ProgressReport ToProto(MeasureReport report) => new()
    {
        ReportId = report.Report.ReportId,
        MeasureId = report.MeasureId,
        PeriodStart = ToProto(report.Report.PeriodStart),
        PeriodEnd = ToProto(report.Report.PeriodEnd),
        Status = report.Report.Status.ToProtoStatus(),
        Percent = report.Report.Percent,
        Narrative = report.Report.Narrative,
        SubmittedBy = report.Report.SubmittedBy,
        SubmittedAt = Timestamp.FromDateTimeOffset(report.Report.SubmittedAt),
    };

    public static ListProgressReportsResponse ToProto(IReadOnlyList<MeasureReport> reports) =>
        new() { Reports = { reports.Select(ToProto) } };

    public static GetMeasureProgressResponse ToProto(MeasureProgressResult result) => new()
    {
        OnTrack = result.OnTrack,
        Late = result.Late,
        Done = result.Done,
        Measures =
        {
            result.Measures.Select(f => new MeasureProgress
            {
                MeasureId = f.MeasureId,
                Title = f.Title,
                GroupId = f.GroupId ?? "",
                ParentMeasureId = result.Parents[f.MeasureId] ?? "",
                Percent = (double)f.Percent,
                Status = f.Status.ToProtoStatus(),
                Late = f.IsLate,
                RolledUp = f.RolledUp,
            }),
        },
    };

    public static Indicator ToProto(Versioned<Domain.IndicatorFact> indicator) => ToProto(indicator.Document, indicator.ETag);

    public static ListIndicatorsResponse ToProto(IReadOnlyList<Domain.IndicatorFact> indicators) =>
        new() { Indicators = { indicators.Select(i => ToProto(i, "")) } };

    public static ListGroupMeetingFactsQuery ToQuery(ListGroupMeetingFactsRequest request) =>
        new(request.NetworkId, request.GroupId, request.Year, request.PageSize, request.PageToken);

    public static ListGroupMeetingFactsResponse ToProto(Page<Domain.MeetingFact> page) => new()
    {
        MeetingFacts = { page.Items.Select(item => ToProto(item.Document)) }, NextPageToken = page.NextPageToken ?? "",
    };

    private static GroupMeetingFact ToProto(Domain.MeetingFact meeting) => new()
    {
        MeetingId = meeting.MeetingId, StartTime = Timestamp.FromDateTimeOffset(meeting.StartsAt),
        Kind = UpperSnakeCase().Replace(meeting.Kind, "_").ToUpperInvariant(), State = (MeetingFactState)((int)meeting.State + 1),
        AttendanceRecorded = meeting.Attendance.Count,
        Present = meeting.Attendance.Count(a => a.Status == Domain.AttendanceStatus.Present),
        MinutesDelayDays = meeting.MinutesPublishedAt is { } published
            ? (int)Math.Round((published - (meeting.StartsAt + meeting.Duration)).TotalDays)
            : null,
    };

    /// <summary>Where a kind's C# name (PartnerMeeting) takes the underscore of the proto's (PARTNER_MEETING).</summary>
    [GeneratedRegex("(?<=[a-z])(?=[A-Z])")]
    private static partial Regex UpperSnakeCase();

    public static GroupAccounts ToProto(Versioned<Domain.GroupAccounts> stored)
    {
        var accounts = stored.Document;
        var budget = Domain.BudgetFigure.From(accounts);
        var proto = new GroupAccounts
        {
            GroupId = accounts.GroupId,
            Year = accounts.Year,
            BaseGrant = Format(accounts.BaseGrant),
            SignedOffBy = accounts.SignedOffBy ?? "",
            Budget = Format(budget.Budget),
            Granted = Format(budget.Granted),
            Pending = Format(budget.Pending),
            Spent = Format(budget.Spent),
            Remaining = Format(budget.Remaining),
            Etag = stored.ETag,
            FundApplications = { accounts.FundApplications.Select(ToProto) },
            Expenses =
            {
                accounts.Expenses.OrderBy(e => e.Date).Select(e => new Expense
                {
                    ExpenseId = e.ExpenseId,
                    Date = ToProto(e.Date),
                    Amount = Format(e.Amount),
                    Description = e.Description,
                    MeasureId = e.MeasureId ?? "",
                }),
            },
        };
        if (accounts.SignedOffAt is { } signedOffAt)
        {
            proto.SignedOffAt = Timestamp.FromDateTimeOffset(signedOffAt);
        }
        return proto;
    }

    public static LearningActivity ToProto(Domain.LearningActivity activity) => new()
    {
        ActivityId = activity.ActivityId,
        Kind = ToProto(activity.Kind),
        OrganisationId = activity.OrganisationId ?? "",
        GroupId = activity.GroupId ?? "",
        Date = ToProto(activity.Date),
        Hours = (double)activity.Hours,
        Participants = activity.Participants,
        Description = activity.Description,
    };

    public static SummariseLearningResponse ToProto(IReadOnlyList<Domain.LearningSummary> summaries) => new()
    {
        Kinds =
        {
            summaries.Select(s => new LearningSummary
            {
                Kind = ToProto(s.Kind), Activities = s.Activities, Hours = (double)s.Hours, Participants = s.Participants,
            }),
        },
    };

    public static AnnualReport ToProto(ReportFile file) => new() { ContentType = file.ContentType, FileName = file.FileName,
        Content = file.Content };

    public static NetworkHealth ToProto(Health.NetworkHealthFigures health)
    {
        var proto = new NetworkHealth
        {
            NetworkId = health.NetworkId,
            Year = health.Year,
            Attendance = ToProto(health.Attendance),
            Documented = ToProto(health.Documented),
            MinutesPublishedLate = health.MinutesPublishedLate,
            HeldMeetings = health.HeldMeetings,
            CadenceBreaches = health.CadenceBreaches,
            MeasuresOnTrack = health.MeasuresOnTrack,
            MeasuresLate = health.MeasuresLate,
            ComputedAt = Timestamp.FromDateTimeOffset(health.ComputedAt),
            EventsSeen = health.EventsSeen,
            Groups = { health.Groups.Select(ToProto) },
            Organisations =
            {
                health.Organisations.Select(o => new OrganisationHealth
                {
                    OrganisationId = o.OrganisationId,
                    Attendance = ToProto(o.Attendance),
                    HoursSetAside = (double)o.HoursSetAside,
                    HoursInMeetings = (double)o.HoursInMeetings,
                }),
            },
            Persons = { health.Persons.Select(p => new PersonAttendance { PersonId = p.PersonId, Attendance = ToProto(p.Attendance) }) },
        };
        if (health.MedianDaysToMinutes is { } median)
        {
            proto.MedianDaysToMinutes = median;
        }
        if (health.MaxDaysToMinutes is { } max)
        {
            proto.MaxDaysToMinutes = max;
        }
        return proto;
    }

    public static WatchEventsQuery ToQuery(WatchEventsRequest request) => new(request.NetworkId, request.StartCase switch
    {
        WatchEventsRequest.StartOneofCase.StartPosition => new EventLogStart(request.StartPosition, null),
        WatchEventsRequest.StartOneofCase.StartTime => new EventLogStart(null, request.StartTime.ToDateTimeOffset()),
        _ => new EventLogStart(null, null),
    }, [.. request.Kinds]);

    public static ReadEventsQuery ToQuery(ReadEventsRequest request) => new(request.NetworkId, request.StartCase switch
    {
        ReadEventsRequest.StartOneofCase.StartPosition => new EventLogStart(request.StartPosition, null),
        ReadEventsRequest.StartOneofCase.StartTime => new EventLogStart(null, request.StartTime.ToDateTimeOffset()),
        _ => new EventLogStart(null, null),
    }, request.PageSize, request.PageToken, [.. request.Kinds]);

    public static ReadEventsResponse ToProto(EventsRead read) => new()
    {
        Events = { read.Events.Select(ToProto) }, NextPageToken = read.NextPageToken ?? "", NextPosition = read.NextPosition,
    };

    public static EventEnvelope ToProto(LoggedEvent logged) => new()
    {
        EventId = logged.EventId.ToString(),
        Kind = logged.Kind,
        AggregateId = logged.AggregateId,
        AggregateVersion = logged.AggregateVersion,
        OccurredAt = Timestamp.FromDateTimeOffset(logged.OccurredAt),
        PayloadJson = logged.PayloadJson,
        Position = logged.Position,
        NetworkId = logged.NetworkId,
        AggregateType = logged.AggregateType,
    };

    public static RebuildProgress ToProto(RebuildStep step) => new()
    {
        EventsReplayed = step.Replayed,
        EventsTotal = step.Total,
        Done = step.Done,
        Projections = { step.Projections },
        Message = step.Done
            ? $"rebuilt {step.Projections.Count} read models ({string.Join(", ", step.Projections)}) from {step.Replayed} logged events"
            : $"replayed {step.Replayed} of {step.Total} events",
    };

    private static GroupHealth ToProto(Health.GroupHealthFigures group) => new()
    {
        GroupId = group.GroupId,
        Attendance = ToProto(group.Attendance),
        DropOut = ToProto(group.DropOut),
        HeldMeetings = group.HeldMeetings,
        Documented = ToProto(group.Documented),
        CadenceBreaches = group.CadenceBreaches,
        MeasuresOnTrack = group.MeasuresOnTrack,
        MeasuresLate = group.MeasuresLate,
        Left = { group.Left },
        StoppedComing = { group.StoppedComing },
    };

    private static Ratio ToProto(Domain.Rate rate)
    {
        var ratio = new Ratio { Numerator = rate.Numerator, Denominator = rate.Denominator };
        if (rate.Value is { } value)
        {
            ratio.Value = Math.Round(value, 4);
        }
        return ratio;
    }

    private static Indicator ToProto(Domain.IndicatorFact indicator, string etag)
    {
        var proto = new Indicator
        {
            IndicatorId = indicator.IndicatorId,
            Name = indicator.Name,
            Unit = indicator.Unit,
            MeasureId = indicator.MeasureId ?? "",
            Etag = etag,
            Points =
            {
                indicator.Points.OrderBy(p => p.Date).Select(p => new IndicatorPoint
                {
                    Date = ToProto(p.Date), Value = (double)p.Value, Note = p.Note ?? "",
                }),
            },
        };
        if (indicator.Target is { } target)
        {
            proto.Target = (double)target;
        }
        return proto;
    }

    private static FundApplication ToProto(Domain.FundApplication application)
    {
        var proto = new FundApplication
        {
            ApplicationId = application.ApplicationId,
            Purpose = application.Purpose,
            AmountRequested = Format(application.AmountRequested),
            State = application.State switch
            {
                Domain.FundApplicationState.Approved => FundApplicationState.Approved,
                Domain.FundApplicationState.Rejected => FundApplicationState.Rejected,
                _ => FundApplicationState.Submitted,
            },
            AmountGranted = Format(application.AmountGranted),
            SubmittedAt = Timestamp.FromDateTimeOffset(application.SubmittedAt),
            DecidedByMeetingId = application.DecidedByMeetingId ?? "",
        };
        if (application.DecidedAt is { } decidedAt)
        {
            proto.DecidedAt = Timestamp.FromDateTimeOffset(decidedAt);
        }
        return proto;
    }

    private static CalendarDay? ToDay(CalendarDate? date) => date is null ? null : new CalendarDay(date.Year, date.Month, date.Day);

    private static CalendarDate ToProto(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };


    /// <summary>The proto's kinds are the domain's, one up (0 is UNSPECIFIED); an unknown number is no kind.</summary>
    private static Domain.LearningKind? ToDomain(LearningKind kind) =>
        kind != LearningKind.Unspecified && System.Enum.IsDefined(kind) ? (Domain.LearningKind)((int)kind - 1) : null;

    private static LearningKind ToProto(Domain.LearningKind kind) => (LearningKind)((int)kind + 1);

    private static string Format(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
