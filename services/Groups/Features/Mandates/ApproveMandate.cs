using NetworkPlatform.Application;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Groups;
using NetworkPlatform.Groups.Domain;
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

    public Task<Versioned<Group>> HandleAsync(ApproveMandateCommand command, Caller caller, CancellationToken cancellationToken) =>
        MandateRules.RecordAsync(context, command.NetworkId, command.GroupId, command.Mandate!, command.Etag, caller,
            (group, terms, decision) => group.ApproveMandate(terms, decision),
            (group, mandate, terms, version, at) => new MandateApproved(Guid.NewGuid(), at, group.NetworkId, group.Id, version,
                group.Id, mandate.Version, terms.Purpose, terms.ApprovedByGroupId, terms.DecisionReference, terms.StartDate, terms.EndDate),
            cancellationToken);
}
