using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Features.Mandates;

public sealed record ReviseMandateCommand(string NetworkId, string GroupId, MandateDraft? Mandate, string Etag) : INetworkRequest;

/// <summary>The secretariat records a new mandate version approved by a governing body; earlier versions stay in the history.</summary>
public sealed class ReviseMandate(GroupsContext context) : IUseCase<ReviseMandateCommand, Versioned<Group>>
{
    public void Authorize(ReviseMandateCommand command, Caller caller) => caller.EnsureSecretariat();

    public void Validate(ReviseMandateCommand command, Violations violations) => violations
        .GroupId(command.GroupId)
        .Etag("etag", command.Etag)
        .Mandate(command.GroupId, command.Mandate);

    public async Task<Versioned<Group>> HandleAsync(ReviseMandateCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var terms = command.Mandate!.ToTerms();
        await MandateRules.EnsureGoverningBodyAsync(context, command.NetworkId, terms, cancellationToken);
        var at = context.Now;
        return await context.Writes.ChangeAsync(GroupsResources.Groups, command.NetworkId, command.GroupId, command.Etag, group =>
        {
            var changed = GroupsRules.Under("mandate.", () => group.ReviseMandate(terms, new Decision(caller.Subject,
                terms.DecisionReference, "", at)));
            var mandate = changed.CurrentMandate!;
            return Change<Group>.With(changed, version => new MandateRevised(Guid.NewGuid(), at, changed.NetworkId, changed.Id, version,
                changed.Id, mandate.Version, terms.Purpose, terms.ApprovedByGroupId, terms.DecisionReference, terms.StartDate,
                    terms.EndDate));
        }, cancellationToken);
    }
}
