using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

public sealed record WithdrawRepresentativeCommand(string NetworkId, string RepresentativeId, string Etag, string Reason) : INetworkRequest;

/// <summary>The secretariat, or the organisation itself, ends an appointment.</summary>
public sealed class WithdrawRepresentative(MembershipContext context) : IUseCase<WithdrawRepresentativeCommand, RepresentativeView>
{
    // Who may is decided on the stored appointment (its organisation), in HandleAsync.
    public void Authorize(WithdrawRepresentativeCommand command, Caller caller)
    {
    }

    public void Validate(WithdrawRepresentativeCommand command, Violations violations) => violations
        .Id("representative_id", command.RepresentativeId)
        .Etag("etag", command.Etag)
        .Text("reason", command.Reason, MembershipRules.MaxReasonLength);

    public async Task<RepresentativeView> HandleAsync(WithdrawRepresentativeCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var representatives = MembershipResources.Representatives;
        var ended = await context.Writes.InUnitAsync(async unit =>
        {
            var current = await unit.RequireForUpdateAsync(representatives, command.NetworkId, command.RepresentativeId, cancellationToken);
            Authorisation.EnsureSecretariatOrOrganisation(caller, current.Document.OrganisationId);
            var expected = current.ExpectedVersion(representatives, command.NetworkId, command.RepresentativeId, command.Etag);
            return await RepresentativeRules.EndAsync(unit, caller, current.Document, expected, AppointmentEndReason.Withdrawn,
                command.Reason.Trim(), context.Now, cancellationToken);
        }, cancellationToken);
        return await RepresentativeRules.ViewAsync(context, ended, cancellationToken);
    }
}
