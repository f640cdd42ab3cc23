using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <param name="ApprovingManager">Null when the caller sent none.</param>
public sealed record ReplaceRepresentativeCommand(string NetworkId, string RepresentativeId, string NewPersonId, string Etag,
    string RequestId,
    string Reason, int HoursPerMonth, ApprovingManager? ApprovingManager) : INetworkRequest;

public sealed record Replacement(RepresentativeView Ended, RepresentativeView Appointed);

/// <summary>Ends one appointment (replaced) and appoints another employee in the same role, in one transaction.</summary>
public sealed class ReplaceRepresentative(MembershipContext context) : IUseCase<ReplaceRepresentativeCommand, Replacement>
{
    // Who may is decided on the stored appointment (its organisation), in HandleAsync.
    public void Authorize(ReplaceRepresentativeCommand command, Caller caller)
    {
    }

    public void Validate(ReplaceRepresentativeCommand command, Violations violations) => violations
        .Id("representative_id", command.RepresentativeId)
        .Id("new_person_id", command.NewPersonId)
        .Etag("etag", command.Etag)
        .RequestId("request_id", command.RequestId)
        .Text("reason", command.Reason, MembershipRules.MaxReasonLength)
        .HoursPerMonth("hours_per_month", command.HoursPerMonth)
        .ApprovingManager("approving_manager", command.ApprovingManager);

    public async Task<Replacement> HandleAsync(ReplaceRepresentativeCommand command, Caller caller, CancellationToken cancellationToken)
    {
        var representatives = MembershipResources.Representatives;
        var old = await context.Store.RequireAsync(representatives, command.NetworkId, command.RepresentativeId, cancellationToken);
        Authorisation.EnsureSecretariatOrOrganisation(caller, old.Document.OrganisationId);
        var person = await RepresentativeRules.RequireEmployeeAsync(context, command.NetworkId, command.NewPersonId,
            old.Document.OrganisationId,
            cancellationToken);
        var (ended, appointed) = await context.Writes.InUnitAsync(async unit =>
        {
            var now = context.Now;
            var current = await unit.RequireForUpdateAsync(representatives, command.NetworkId, command.RepresentativeId, cancellationToken);
            var expected = current.ExpectedVersion(representatives, command.NetworkId, command.RepresentativeId, command.Etag);
            var ended = await RepresentativeRules.EndAsync(unit, caller, current.Document, expected, AppointmentEndReason.Replaced,
                command.Reason.Trim(), now, cancellationToken);
            // The new appointment's id comes from the request_id: a retry finds the old one ended (APPOINTMENT_ENDED).
            var appointment = Appointment.Appoint(Identifiers.New(Identifiers.Representative, command.NetworkId, command.RequestId),
                command.NetworkId, current.Document.OrganisationId, command.NewPersonId, current.Document.Role,
                RepresentativeRules.Terms(command.HoursPerMonth, command.ApprovingManager), now, now);
            return (ended, await RepresentativeRules.AppointAsync(unit, caller, appointment, now, cancellationToken));
        }, cancellationToken);
        return new Replacement(await RepresentativeRules.ViewAsync(context, ended, cancellationToken),
            new RepresentativeView(appointed, person.FullName));
    }
}
