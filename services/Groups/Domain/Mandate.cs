using NetworkPlatform.Application.Validation;

namespace NetworkPlatform.Groups.Domain;

/// <summary>What a governing body approves: the terms of reference of a group.</summary>
public sealed record MandateTerms(
    string Purpose,
    string Scope,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<string> Deliverables,
    IReadOnlyList<string> ReportingDuties,
    DateOnly? StartDate,
    DateOnly? EndDate,
    string ApprovedByGroupId,
    string DecisionReference)
{
    public void Validate(GroupKind kind)
    {
        var errors = new Violations();
        if (string.IsNullOrWhiteSpace(Purpose))
        {
            errors.Add("purpose", "State the purpose of the group (why it exists).");
        }
        if (Tasks.Count == 0 || Tasks.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("tasks", "List at least one task, none of them empty.");
        }
        if (Deliverables.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("deliverables", "Remove the empty deliverable.");
        }
        if (ReportingDuties.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add("reporting_duties", "Remove the empty reporting duty.");
        }
        if (string.IsNullOrWhiteSpace(ApprovedByGroupId))
        {
            errors.Add("approved_by_group_id", "Name the governing body (a group of the network) that approved the mandate.");
        }
        if (string.IsNullOrWhiteSpace(DecisionReference))
        {
            errors.Add("decision_reference", "Give the decision the approval rests on, e.g. \"Partnermøtet 12.03.2026, sak 14/26\".");
        }
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            errors.Add("end_date", $"The mandate ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
        }
        if (kind == GroupKind.WorkingGroup && EndDate is null)
        {
            errors.Add("end_date", "A working group's mandate is time-limited: give its end date (YYYY-MM-DD).");
        }
        if (kind == GroupKind.TaskForce && StartDate is { } s && EndDate is { } e && e.Year == s.Year)
        {
            errors.Add("end_date",
                "A task force runs over several years with yearly plans; for work within one year, propose a working group.");
        }
        errors.ThrowIfAny();
    }
}

/// <summary>One approved version of a group's mandate.</summary>
public sealed record Mandate(int Version, MandateTerms Terms, string RecordedBy, DateTimeOffset ApprovedAt);
