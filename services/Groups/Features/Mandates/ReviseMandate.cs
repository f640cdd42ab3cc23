using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
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

    public Task<Versioned<Group>> HandleAsync(ReviseMandateCommand command, Caller caller, CancellationToken cancellationToken) =>
        MandateRules.RecordAsync(context, command.NetworkId, command.GroupId, command.Mandate!, command.Etag, caller,
            (group, terms, decision) => group.ReviseMandate(terms, decision),
            (group, mandate, terms, version, at) => new MandateRevised(Guid.NewGuid(), at, group.NetworkId, group.Id, version,
                group.Id, mandate.Version, terms.Purpose, terms.ApprovedByGroupId, terms.DecisionReference, terms.StartDate, terms.EndDate),
            cancellationToken);
}
