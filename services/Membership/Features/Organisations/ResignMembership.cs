using NetworkPlatform.Events.Membership;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>
/// The secretariat, or the organisation itself, ends the membership. Every active appointment of the organisation
/// ends in the same transaction (reason membership_ended), and the events say so.
/// </summary>
public static class ResignMembership
{
    public static async Task<Versioned<Organisation>> HandleAsync(MembershipContext context, Caller caller, V1.ResignMembershipRequest request, CancellationToken cancellationToken)
    {
        MembershipChange.Validate(new Validation(), request.NetworkId, request.OrganisationId, request.Etag, request.Reason, reasonRequired: true);
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, request.OrganisationId);
        var decision = new Decision(caller.Subject, context.Now, request.Reason.Trim());

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Organisations, request.NetworkId, request.OrganisationId, cancellationToken);
        var expected = current.ExpectedVersion(MembershipCollections.Organisations, request.Etag);
        var (resigned, endedAppointments) = current.Document.ResignMembership(decision);
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.Organisations, request.NetworkId, resigned, expected, cancellationToken);

        foreach (var active in endedAppointments)
        {
            var appointment = await unitOfWork.RequireAsync(MembershipCollections.Appointments, request.NetworkId, active.AppointmentId, cancellationToken);
            var ended = appointment.Document.End(AppointmentEndReason.MembershipEnded, decision.At, decision.Reason);
            var appointmentVersion = await unitOfWork.ReplaceAsync(MembershipCollections.Appointments, request.NetworkId, ended, appointment.Version, cancellationToken);
            await unitOfWork.PublishAsync(new RepresentativeWithdrawn(Guid.NewGuid(), decision.At, ended.NetworkId, ended.Id, appointmentVersion,
                ended.Id, ended.OrganisationId, ended.PersonId, RepresentativeWithdrawalReasons.MembershipEnded, decision.Reason, decision.At, decision.DecidedBy), cancellationToken);
        }
        await unitOfWork.PublishAsync(new MembershipResigned(Guid.NewGuid(), decision.At, resigned.NetworkId, resigned.Id, version,
            resigned.Id, decision.DecidedBy, decision.Reason, endedAppointments.Select(a => a.AppointmentId).ToList()), cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return new Versioned<Organisation>(resigned, version);
    }
}
