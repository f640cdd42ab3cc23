using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>Ends one appointment (replaced) and appoints another employee in the same role, in one transaction.</summary>
public static class ReplaceRepresentative
{
    public static async Task<(RepresentativeView Ended, RepresentativeView Appointed)> HandleAsync(MembershipContext context, Caller caller, V1.ReplaceRepresentativeRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).Id("representative_id", request.RepresentativeId)
            .Id("new_person_id", request.NewPersonId).Etag("etag", request.Etag).RequestId("request_id", request.RequestId).MaxLength("reason", request.Reason, 2000);
        AppointmentFields.HoursPerMonth(validation, "hours_per_month", request.HoursPerMonth);
        AppointmentFields.ApprovingManager(validation, "approving_manager", request.ApprovingManager);
        validation.ThrowIfInvalid();
        caller.EnsureNetwork(request.NetworkId);

        var old = await context.Store.RequireAsync(MembershipCollections.Appointments, request.NetworkId, request.RepresentativeId, cancellationToken);
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, old.Document.OrganisationId);
        var person = await AppointmentFields.RequireEmployeeAsync(context, request.NetworkId, request.NewPersonId, old.Document.OrganisationId, cancellationToken);

        var now = context.Now;
        var appointment = new Appointment
        {
            Id = Identifiers.New(Identifiers.Representative, request.NetworkId, request.RequestId),
            NetworkId = request.NetworkId,
            OrganisationId = old.Document.OrganisationId,
            PersonId = request.NewPersonId,
            Role = old.Document.Role,
            HoursPerMonth = request.HoursPerMonth,
            ApprovingManager = ProtoMapping.ToDomain(request.ApprovingManager),
            StartAt = now,
            UpdatedAt = now,
        };

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Appointments, request.NetworkId, request.RepresentativeId, cancellationToken);
        var expected = current.ExpectedVersion(MembershipCollections.Appointments, request.Etag);
        var (ended, endedVersion) = await WithdrawRepresentative.EndAsync(unitOfWork, caller, current.Document, expected, AppointmentEndReason.Replaced, request.Reason.Trim(), now, cancellationToken);
        var version = await AppointRepresentative.AppointAsync(unitOfWork, caller, appointment, now, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return (await RepresentativeView.LoadAsync(context, new Versioned<Appointment>(ended, endedVersion), cancellationToken),
            new RepresentativeView(new Versioned<Appointment>(appointment, version), person.FullName));
    }
}
