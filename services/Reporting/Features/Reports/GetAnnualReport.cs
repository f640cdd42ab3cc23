using System.Globalization;
using System.Text;
using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Reporting.Domain;
using NetworkPlatform.Reporting.Storage;

namespace NetworkPlatform.Reporting.Features.Reports;

public enum ReportFormat
{
    Markdown,
    Csv,
}

/// <param name="GroupId">The group reported on; empty for the whole network.</param>
public sealed record GetAnnualReportQuery(string NetworkId, int Year, string GroupId, ReportFormat? Format) : INetworkRequest;

/// <summary>A report as a file: its media type, a file name to save it under, and its text.</summary>
public sealed record ReportFile(string ContentType, string FileName, string Content);

/// <summary>
/// The annual report of a group or the network (003's reporting meeting): meetings held, attendance, documentation,
/// decisions, measures and their progress, money; as Markdown for people or CSV for spreadsheets. Figures come from the
/// groups' year figures; a group's report lists its held meetings (up to <see cref="MaxListedMeetings"/>), the network's
/// report a line per group, so neither grows with the number of meetings.
/// </summary>
public sealed class GetAnnualReport(ReportingContext context, ReportingQueries queries) : IUseCase<GetAnnualReportQuery, ReportFile>
{
    public const int MaxListedMeetings = 500;

    // Anyone of the network may read it.
    public void Authorize(GetAnnualReportQuery query, Caller caller)
    {
    }

    public void Validate(GetAnnualReportQuery query, Violations violations) => violations
        .Year("year", query.Year)
        .Require(query.Format is not null, "format", "Required: MARKDOWN or CSV.");

    public async Task<ReportFile> HandleAsync(GetAnnualReportQuery query, Caller caller, CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        if (query.GroupId.Length > 0)
        {
            await References.RequireGroupAsync(context.Store, query.NetworkId, query.GroupId, ct);
        }
        var inScope = (string? groupId) => query.GroupId.Length == 0 || groupId == query.GroupId;
        var groups = (await queries.GroupYearsAsync(query.NetworkId, query.Year, ct))
            .Where(g => inScope(g.GroupId)).OrderBy(g => g.GroupId, StringComparer.Ordinal).ToList();
        // A group's report lists its meetings; the network's a line per group.
        var held = query.GroupId.Length == 0 ? null : await queries.HeldMeetingsAsync(query.NetworkId, query.GroupId, query.Year,
            MaxListedMeetings, ct);
        var accounts = await queries.AllAsync(ReportingCollections.Accounts, query.NetworkId, ct,
            ReportingCollections.Accounts.Query().Where(a => a.Year, query.Year));
        var measures = MeasureProgressFigures.Compute(await queries.MeasuresAsync(query.NetworkId, query.Year, ct), context.Today)
            .Where(m => inScope(m.GroupId)).ToList();
        var budgets = accounts.Where(a => inScope(a.GroupId)).Select(BudgetFigure.From).OrderBy(b => b.GroupId,
            StringComparer.Ordinal).ToList();
        var subject = query.GroupId.Length == 0 ? $"network {query.NetworkId}" : $"group {query.GroupId}";
        var fileBase = $"annual-report-{(query.GroupId.Length == 0 ? query.NetworkId : query.GroupId)}-{query.Year}";

        return query.Format == ReportFormat.Csv
            ? new ReportFile("text/csv", fileBase + ".csv", Csv(groups, held, measures, budgets))
            : new ReportFile("text/markdown", fileBase + ".md", Markdown(subject, query.Year, groups, held, measures, budgets));
    }

    private static string Markdown(string subject, int year, List<GroupYearFigures> groups, IReadOnlyList<MeetingFact>? held,
        List<MeasureProgressFigure> measures, List<BudgetFigure> budgets)
    {
        var documentation = DocumentationFigures.Compute(groups);
        var attendance = AttendanceFigures.Overall(groups);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Annual report {year}: {subject}");
        md.AppendLine();
        md.AppendLine("## Meetings");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Held: {documentation.HeldMeetings}; decisions recorded: "
            + $"{groups.Sum(g => g.Decisions)}");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- Attendance: {Percent(attendance)} ({attendance.Numerator} of {attendance.Denominator} present)");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"- Minutes published: {Percent(documentation.Documented)}; median {Days(documentation.MedianDaysToPublish)} "
            + $"after the meeting");
        md.AppendLine();
        if (held is not null)
        {
            md.AppendLine("| Date | Group | Kind | Present | Minutes |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var m in held)
            {
                var present = m.Attendance.Count(a => a.Status == AttendanceStatus.Present);
                var minutes = m.MinutesPublishedAt is { } p ? p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not published";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {m.StartsAt:yyyy-MM-dd} | {m.GroupId} | {m.Kind} | "
                    + $"{present}/{m.Attendance.Count} | {minutes} |");
            }
            if (documentation.HeldMeetings > held.Count)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"\nThe first {held.Count} of {documentation.HeldMeetings} held meetings "
                    + $"are listed.");
            }
        }
        else
        {
            md.AppendLine("| Group | Held | Decisions | Present | Minutes published |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var g in groups.Where(g => g.Held > 0))
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {g.GroupId} | {g.Held} | {g.Decisions} | {g.Present}/{g.Recorded} | "
                    + $"{g.WithMinutes}/{g.Held} |");
            }
        }
        md.AppendLine();
        md.AppendLine("## Measures");
        md.AppendLine("| Measure | Group | Progress | Status |");
        md.AppendLine("|---|---|---|---|");
        foreach (var m in measures)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Title} | {m.GroupId} | {m.Percent:0.#} % | {m.Status}{(m.IsLate ? " (late)" : "")} |");
        }
        md.AppendLine();
        md.AppendLine("## Money");
        md.AppendLine("| Group | Base grant | Partner fund granted | Budget | Spent | Remaining | Accounts |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var b in budgets)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {b.GroupId} | {b.BaseGrant:0.00} | {b.Granted:0.00} | {b.Budget:0.00} | {b.Spent:0.00} | {b.Remaining:0.00} | "
                + $"{(b.AccountsSignedOff ? "signed off" : "open")} |");
        }
        return md.ToString();
    }

    private static string Csv(List<GroupYearFigures> groups, IReadOnlyList<MeetingFact>? held, List<MeasureProgressFigure> measures,
        List<BudgetFigure> budgets)
    {
        var csv = new StringBuilder("section,group_id,item,date,value,detail\r\n");
        foreach (var m in held ?? [])
        {
            csv.Append(Row("meeting", m.GroupId, m.Kind, m.StartsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                $"{m.Attendance.Count(a => a.Status == AttendanceStatus.Present)}/{m.Attendance.Count}",
                    m.MinutesPublishedAt is null ? "minutes not published" : "minutes published"));
        }
        foreach (var g in held is null ? groups.Where(g => g.Held > 0) : [])
        {
            csv.Append(Row("meetings", g.GroupId, "held", "", g.Held.ToString(CultureInfo.InvariantCulture),
                $"present {g.Present}/{g.Recorded}, minutes published {g.WithMinutes}/{g.Held}"));
        }
        foreach (var m in measures)
        {
            csv.Append(Row("measure", m.GroupId ?? "", m.Title, "", m.Percent.ToString("0.##", CultureInfo.InvariantCulture),
                m.IsLate ? "late" : m.Status.ToString()));
        }
        foreach (var b in budgets)
        {
            csv.Append(Row("money", b.GroupId, "budget", "", b.Budget.ToString("0.00", CultureInfo.InvariantCulture),
                $"spent {b.Spent.ToString("0.00", CultureInfo.InvariantCulture)}"));
        }
        return csv.ToString();
    }

    /// <summary>RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled.</summary>
    internal static string Row(params string[] fields) =>
        string.Join(',', fields.Select(f => f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + f.Replace("\"", "\"\"",
            StringComparison.Ordinal) + "\"" : f)) + "\r\n";

    private static string Percent(Domain.Rate rate) => rate.Value is { } v ? v.ToString("P0", CultureInfo.InvariantCulture) : "no data";

    private static string Days(double? days) => days is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " days" : "-";
}
