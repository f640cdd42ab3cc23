using NetworkPlatform.Application;
using NetworkPlatform.Hosting.Auth;
using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>Changes the terms of an active appointment: hours per month and the approving manager (field mask + etag).</summary>
public static class UpdateRepresentative
{
    private static readonly string[] Updatable = ["hours_per_month", "approving_manager"];

    public static async Task<RepresentativeView> HandleAsync(MembershipContext context, Caller caller, V1.UpdateRepresentativeRequest request, CancellationToken cancellationToken)
    {
        var validation = new Validation().NetworkId("network_id", request.NetworkId).Message("representative", request.Representative);
        var proto = request.Representative ?? new V1.Representative();
        validation.Id("representative.id", proto.Id).Etag("representative.etag", proto.Etag);
        var mask = UpdateMask.Paths(validation, request.UpdateMask, Updatable);
        if (mask.Contains("hours_per_month"))
        {
            AppointmentFields.HoursPerMonth(validation, "representative.hours_per_month", proto.HoursPerMonth);
        }
        if (mask.Contains("approving_manager"))
        {
            AppointmentFields.ApprovingManager(validation, "representative.approving_manager", proto.ApprovingManager);
        }
        validation.ThrowIfInvalid();
        caller.EnsureNetwork(request.NetworkId);

        await using var unitOfWork = await context.Store.BeginAsync(cancellationToken);
        var current = await unitOfWork.RequireAsync(MembershipCollections.Appointments, request.NetworkId, proto.Id, cancellationToken);
        Authorisation.EnsureSecretariatOrOrganisation(caller, request.NetworkId, current.Document.OrganisationId);
        var expected = current.ExpectedVersion(MembershipCollections.Appointments, proto.Etag);
        var a = current.Document;
        var updated = a.ChangeTerms(
            mask.Contains("hours_per_month") ? proto.HoursPerMonth : a.HoursPerMonth,
            mask.Contains("approving_manager") ? ProtoMapping.ToDomain(proto.ApprovingManager) : a.ApprovingManager,
            context.Now);
        var version = await unitOfWork.ReplaceAsync(MembershipCollections.Appointments, request.NetworkId, updated, expected, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        return await RepresentativeView.LoadAsync(context, new Versioned<Appointment>(updated, version), cancellationToken);
    }
}
