using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Failures;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Mandates;

/// <summary>A mandate as the caller sent it (dates as YYYY-MM-DD).</summary>
public sealed record MandateDraft(
    string Purpose,
    string Scope,
    IReadOnlyList<string> Tasks,
    IReadOnlyList<string> Deliverables,
    IReadOnlyList<string> ReportingDuties,
    string StartDate,
    string EndDate,
    string ApprovedByGroupId,
    string DecisionReference)
{
    /// <summary>The terms of a validated draft (the aggregate checks them against the group's kind).</summary>
    public MandateTerms ToTerms() => new(Purpose.Trim(), Scope.Trim(), Tasks, Deliverables, ReportingDuties,
        GroupsRules.ParseDate(StartDate), GroupsRules.ParseDate(EndDate), ApprovedByGroupId.Trim(), DecisionReference.Trim());
}

/// <summary>The field rules of mandates and the check of who approved one, shared by approve and revise.</summary>
internal static class MandateRules
{
    public static Violations Mandate(this Violations violations, string groupId, MandateDraft? mandate)
    {
        if (mandate is null)
        {
            return violations.Add("mandate", "Send the mandate: purpose, tasks, approved_by_group_id and decision_reference at least.");
        }
        return violations
            .Date("mandate.start_date", mandate.StartDate)
            .Date("mandate.end_date", mandate.EndDate)
            .Require(mandate.ApprovedByGroupId.Trim() != groupId, "mandate.approved_by_group_id",
                "A group cannot approve its own mandate; name the governing body that did (e.g. the partner meeting).");
    }

    /// <summary>
    /// Records a governing body's decision on a group's mandate: the approver is checked, <paramref name="record"/> (the
    /// aggregate's method) applies the terms, and <paramref name="recorded"/> says so with the mandate's new version.
    /// </summary>
    public static async Task<Versioned<Group>> RecordAsync(GroupsContext context, string networkId, string groupId, MandateDraft draft,
        string etag, Caller caller, Func<Group, MandateTerms, Decision, Group> record,
        Func<Group, Mandate, MandateTerms, long, DateTimeOffset, IDomainEvent> recorded, CancellationToken cancellationToken)
    {
        var terms = draft.ToTerms();
        await EnsureGoverningBodyAsync(context, networkId, terms, cancellationToken);
        var at = context.Now;
        return await context.Writes.ChangeAsync(GroupsResources.Groups, networkId, groupId, etag, group =>
        {
            var decision = new Decision(caller.Subject, terms.DecisionReference, "", at);
            var changed = GroupsRules.Under("mandate.", () => record(group, terms, decision));
            return Change<Group>.With(changed, version => recorded(changed, changed.CurrentMandate!, terms, version, at));
        }, cancellationToken);
    }

    /// <summary>Only an active governing body of the same network approves mandates (the aggregate requires one is named).</summary>
    private static async Task EnsureGoverningBodyAsync(GroupsContext context, string networkId, MandateTerms terms,
        CancellationToken cancellationToken)
    {
        if (terms.ApprovedByGroupId.Length == 0)
        {
            return;
        }
        var approver = (await context.Store.GetAsync(GroupsCollections.Groups, networkId, terms.ApprovedByGroupId, cancellationToken)
            ?? throw GroupsResources.Groups.NotFound(networkId, terms.ApprovedByGroupId)).Document;
        if (!approver.Details.Kind.IsGoverningBody() || approver.State != GroupState.Active)
        {
            throw new RuleViolationException("APPROVER_NOT_GOVERNING_BODY", $"groups/{terms.ApprovedByGroupId}",
                $"'{approver.Details.DisplayName}' is a {approver.State} {approver.Details.Kind}; mandates are approved by an active " +
                "governing body (partner meeting, steering group, working committee, secretariat or group-leader forum).");
        }
    }
}
