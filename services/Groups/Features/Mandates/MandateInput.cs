using NetworkPlatform.Groups.Api;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Groups.V1;

namespace NetworkPlatform.Groups.Features.Mandates;

public static class MandateInput
{
    public static MandateTerms Terms(V1.Mandate? mandate)
    {
        if (mandate is null)
        {
            throw new InvalidFieldsException("mandate", "Send the mandate: purpose, tasks, approved_by_group_id and decision_reference at least.");
        }
        var errors = new List<FieldError>();
        var terms = new MandateTerms(
            mandate.Purpose.Trim(),
            mandate.Scope.Trim(),
            [.. mandate.Tasks],
            [.. mandate.Deliverables],
            [.. mandate.ReportingDuties],
            ProtoDates.ParseDate(mandate.StartDate, "start_date", errors),
            ProtoDates.ParseDate(mandate.EndDate, "end_date", errors),
            mandate.ApprovedByGroupId.Trim(),
            mandate.DecisionReference.Trim());
        if (errors.Count > 0)
        {
            throw new InvalidFieldsException(errors).WithPrefix("mandate.");
        }
        return terms;
    }

    /// <summary>Domain validation with field names as the request spells them.</summary>
    public static Group Apply(Func<Group> change)
    {
        try
        {
            return change();
        }
        catch (InvalidFieldsException e)
        {
            throw e.WithPrefix("mandate.");
        }
    }

    /// <summary>Only an active governing body of the same network approves mandates.</summary>
    public static async Task EnsureGoverningBodyAsync(IDocumentStore store, string networkId, string groupId, MandateTerms terms, CancellationToken cancellationToken)
    {
        if (terms.ApprovedByGroupId == groupId)
        {
            throw new InvalidFieldsException("mandate.approved_by_group_id", "A group cannot approve its own mandate; name the governing body that did (e.g. the partner meeting).");
        }
        var approver = await store.GetAsync(GroupsCollections.Groups, networkId, terms.ApprovedByGroupId, cancellationToken)
            ?? throw new ResourceNotFoundException("Group", terms.ApprovedByGroupId);
        if (!approver.Document.Details.Kind.IsGoverningBody() || approver.Document.State != GroupState.Active)
        {
            throw new RuleViolationException("APPROVER_NOT_GOVERNING_BODY", $"groups/{terms.ApprovedByGroupId}",
                $"'{approver.Document.Details.DisplayName}' is a {approver.Document.State} {approver.Document.Details.Kind}; mandates are approved by an active governing body (partner meeting, steering group, working committee, secretariat or group-leader forum).");
        }
    }
}
