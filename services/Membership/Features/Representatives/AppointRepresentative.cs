using NetworkPlatform.Events.Membership;
using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Messaging.Outbox;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>
/// An active member (the secretariat, or the organisation itself) appoints one of its employees as representative or
/// deputy, with hours per month and the approving manager. The organisation's version guards the rules: no person
/// twice, and no appointment racing a suspension or resignation.
/// </summary>
public static class AppointRepresentative
{
    public static async Task<RepresentativeView> HandleAsync(MembershipContext context, Caller caller, V1.AppointRepresentativeRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).RequestId("request_id", request.RequestId).Message("representative", request.Representative);
        var proto = request.Representative ?? new V1.Representative();
        validation.Id("representative.organisation_id", proto.OrganisationId).Id("representative.person_id", proto.PersonId);
        var role = validation.Enum("representative.role", proto.Role, ProtoMapping.ToDomain);
        AppointmentFields.HoursPerMonth(validation, "representative.hours_per_month", proto.HoursPerMonth);
        AppointmentFields.ApprovingManager(validation, "representative.approving_manager", proto.ApprovingManager);
        validation.ThrowIfInvalid();
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, proto.OrganisationId);
        var person = await AppointmentFields.RequireEmployeeAsync(context, request.NetworkId, proto.PersonId, proto.OrganisationId, cancellationToken);

        var now = context.Now;
        var appointment = new Appointment
        {
            Id = Identifiers.New(Identifiers.Representative, request.NetworkId, request.RequestId),
            NetworkId = request.NetworkId,
            OrganisationId = proto.OrganisationId,
            PersonId = proto.PersonId,
            Role = role!.Value,
            HoursPerMonth = proto.HoursPerMonth,
            ApprovingManager = ProtoMapping.ToDomain(proto.ApprovingManager),
            StartAt = proto.StartTime?.ToDateTimeOffset() ?? now,
            UpdatedAt = now,
        };
        var stored = await context.Store.CreateOnceAsync(MembershipCollections.Appointments, request.NetworkId, appointment.Id, async () =>
        {
            await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
            var version = await AppointAsync(unitOfWork, caller, appointment, now, cancellationToken);
            await unitOfWork.CommitAsync(cancellationToken);
            return new Versioned<Appointment>(appointment, version);
        }, cancellationToken);
        return new RepresentativeView(stored, person.FullName);
    }

    /// <summary>Adds the appointment to its organisation and stores it, in the caller's transaction (also used by replace).</summary>
    internal static async Task<long> AppointAsync(IUnitOfWork unitOfWork, Caller caller, Appointment appointment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organisation = await unitOfWork.RequireAsync(MembershipCollections.Organisations, appointment.NetworkId, appointment.OrganisationId, cancellationToken);
        var withAppointment = organisation.Document.AddAppointment(new ActiveAppointment(appointment.Id, appointment.PersonId, appointment.Role), now);
        await unitOfWork.ReplaceAsync(MembershipCollections.Organisations, appointment.NetworkId, withAppointment, organisation.Version, cancellationToken);
        var version = await unitOfWork.InsertAsync(MembershipCollections.Appointments, appointment.NetworkId, appointment, cancellationToken);
        var manager = appointment.ApprovingManager.Title.Length > 0 ? $"{appointment.ApprovingManager.FullName}, {appointment.ApprovingManager.Title}" : appointment.ApprovingManager.FullName;
        await unitOfWork.PublishAsync(new RepresentativeAppointed(Guid.NewGuid(), now, appointment.NetworkId, appointment.Id, version,
            appointment.Id, appointment.OrganisationId, appointment.PersonId, ProtoMapping.EventName(appointment.Role), appointment.HoursPerMonth, manager,
            appointment.StartAt, caller.Subject), cancellationToken);
        return version;
    }
}
