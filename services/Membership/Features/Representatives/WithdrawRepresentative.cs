using NetworkPlatform.Events.Membership;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>The secretariat, or the organisation itself, ends an appointment.</summary>
public static class WithdrawRepresentative
{
    public static async Task<RepresentativeView> HandleAsync(MembershipContext context, Caller caller, V1.WithdrawRepresentativeRequest request, CancellationToken cancellationToken)
    {
        new Validation().NetworkId("network_id", request.NetworkId).Id("representative_id", request.RepresentativeId)
            .Etag("etag", request.Etag).MaxLength("reason", request.Reason, 2000).ThrowIfInvalid();
        caller.EnsureNetwork(request.NetworkId);

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Appointments, request.NetworkId, request.RepresentativeId, cancellationToken);
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, current.Document.OrganisationId);
        var expected = current.ExpectedVersion(MembershipCollections.Appointments, request.Etag);
        var now = context.Now;
        var (ended, version) = await EndAsync(unitOfWork, caller, current.Document, expected, AppointmentEndReason.Withdrawn, request.Reason.Trim(), now, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return await RepresentativeView.LoadAsync(context, new Versioned<Appointment>(ended, version), cancellationToken);
    }

    /// <summary>Ends the appointment and removes it from its organisation, in the caller's transaction (also used by replace).</summary>
    internal static async Task<(Appointment Ended, long Version)> EndAsync(IUnitOfWork unitOfWork, Caller caller, Appointment appointment, long expectedVersion,
        AppointmentEndReason reason, string note, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ended = appointment.End(reason, now, note);
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.Appointments, appointment.NetworkId, ended, expectedVersion, cancellationToken);
        var organisation = await unitOfWork.RequireAsync(MembershipCollections.Organisations, appointment.NetworkId, appointment.OrganisationId, cancellationToken);
        await unitOfWork.ReplaceAsync(MembershipCollections.Organisations, appointment.NetworkId, organisation.Document.RemoveAppointment(appointment.Id, now), organisation.Version, cancellationToken);
        var reasonName = reason == AppointmentEndReason.Replaced ? RepresentativeWithdrawalReasons.Replaced : RepresentativeWithdrawalReasons.Withdrawn;
        await unitOfWork.PublishAsync(new RepresentativeWithdrawn(Guid.NewGuid(), now, ended.NetworkId, ended.Id, version,
            ended.Id, ended.OrganisationId, ended.PersonId, reasonName, note, now, caller.Subject), cancellationToken);
        return (ended, version);
    }
}
