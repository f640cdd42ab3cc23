using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Features.Representatives;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

public sealed record ResignMembershipCommand(string NetworkId, string OrganisationId, string Etag, string Reason) : INetworkRequest;

/// <summary>
/// The secretariat, or the organisation itself, ends the membership. Every active appointment of the organisation
/// ends in the same transaction (reason membership_ended), and the events say so.
/// </summary>
public sealed class ResignMembership(MembershipContext context) : IUseCase<ResignMembershipCommand, Versioned<Organisation>>
{
    public void Authorize(ResignMembershipCommand command, Caller caller) =>
        Authorisation.EnsureSecretariatOrOrganisation(caller, command.OrganisationId);

    public void Validate(ResignMembershipCommand command, Violations violations) =>
        violations.Decision(command.OrganisationId, command.Etag, command.Reason, reasonRequired: true);

    public Task<Versioned<Organisation>> HandleAsync(ResignMembershipCommand command, Caller caller, CancellationToken cancellationToken) =>
        context.Writes.InUnitAsync(async unit =>
        {
            var decision = new Decision(caller.Subject, context.Now, command.Reason.Trim());
            var (networkId, organisations) = (command.NetworkId, MembershipResources.Organisations);
            var current = await unit.RequireForUpdateAsync(organisations, networkId, command.OrganisationId, cancellationToken);
            var expected = current.ExpectedVersion(organisations, networkId, command.OrganisationId, command.Etag);
            var resigned = current.Document.ResignMembership(decision);
            var active = await RepresentativeRules.ActiveAppointmentsAsync(unit, networkId, command.OrganisationId, cancellationToken);
            foreach (var appointment in active)
            {
                await EndAsync(unit, networkId, appointment.Id, decision, cancellationToken);
            }
            var ended = active.Select(a => a.Id).ToList();
            return await unit.ReplaceAsync(organisations, networkId, Change<Organisation>.With(resigned, version =>
                new MembershipResigned(Guid.NewGuid(), decision.At, resigned.NetworkId, resigned.Id, version, resigned.Id,
                    decision.DecidedBy,
                    decision.Reason, ended)), expected, cancellationToken);
        }, cancellationToken);

    private static async Task EndAsync(IUnitOfWork unit, string networkId, string appointmentId, Decision decision,
        CancellationToken cancellationToken)
    {
        var appointment = await unit.RequireForUpdateAsync(MembershipResources.Representatives, networkId, appointmentId,
            cancellationToken);
        var ended = appointment.Document.End(AppointmentEndReason.MembershipEnded, decision.At, decision.Reason);
        await unit.ReplaceAsync(MembershipResources.Representatives, networkId, Change<Appointment>.With(ended, version =>
            new RepresentativeWithdrawn(Guid.NewGuid(), decision.At, ended.NetworkId, ended.Id, version, ended.Id, ended.OrganisationId,
                ended.PersonId, RepresentativeWithdrawalReasons.MembershipEnded, decision.Reason, decision.At, decision.DecidedBy)),
            appointment.Version, cancellationToken);
    }
}
