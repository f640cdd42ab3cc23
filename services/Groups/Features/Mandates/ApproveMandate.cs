using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Mandates;

public sealed record ApproveMandateCommand(string NetworkId, string GroupId, MandateDraft? Mandate, string Etag) : INetworkRequest;

/// <summary>The secretariat records a governing body's approval of a proposed group's first mandate.</summary>
public sealed class ApproveMandate(GroupsContext context) : IUseCase<ApproveMandateCommand, Versioned<Group>>
{
    public void Authorize(ApproveMandateCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(ApproveMandateCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Etag("etag", command.Etag)
        .Mandate(command.GroupId, command.Mandate);

    public async Task<Versioned<Group>> HandleAsync(ApproveMandateCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var terms = command.Mandate!.ToTerms();
        await MandateRules.EnsureGoverningBodyAsync(context, command.NetworkId, terms, cancellationToken);
        var at = context.Now;
        return await context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            var changed = GroupsRules.Under("mandate.", () => group.ApproveMandate(terms, new Decision(caller.Subject,
                terms.DecisionReference, "", at)));
            var mandate = changed.CurrentMandate!;
            return Change<Group>.With(changed, version => new MandateApproved(Guid.NewGuid(), at, changed.NetworkId, changed.Id, version,
                changed.Id, mandate.Version, terms.Purpose, terms.ApprovedByGroupId, terms.DecisionReference, terms.StartDate,
                    terms.EndDate));
        }, cancellationToken);
    }
}
