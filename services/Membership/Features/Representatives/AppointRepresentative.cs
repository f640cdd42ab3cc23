using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <param name="StartAt">When the appointment starts; null for now.</param>
/// <param name="ApprovingManager">Null when the caller sent none.</param>
public sealed record AppointRepresentativeCommand(string NetworkId, string RequestId, string OrganisationId, string PersonId,
    Choice<RepresentativeRole> Role, int HoursPerMonth, ApprovingManager? ApprovingManager, DateTimeOffset? StartAt) : INetworkRequest;

/// <summary>
/// An active member (the secretariat, or the organisation itself) appoints one of its employees as representative or
/// deputy, with hours per month and the approving manager. The organisation's version guards the rules: no person
/// twice, and no appointment racing a suspension or resignation.
/// </summary>
public sealed class AppointRepresentative(MembershipContext context) : IUseCase<AppointRepresentativeCommand, RepresentativeView>
{
    public void Authorize(AppointRepresentativeCommand command, Caller caller) =>
        Authorisation.EnsureSecretariatOrOrganisation(caller, command.OrganisationId);

    public void Validate(AppointRepresentativeCommand command, Violations violations) => violations
        .RequestId("request_id", command.RequestId)
        .Id("representative.organisation_id", command.OrganisationId)
        .Id("representative.person_id", command.PersonId)
        .Choice("representative.role", command.Role)
        .HoursPerMonth("representative.hours_per_month", command.HoursPerMonth)
        .ApprovingManager("representative.approving_manager", command.ApprovingManager);

    public async Task<RepresentativeView> HandleAsync(AppointRepresentativeCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var person = await RepresentativeRules.RequireEmployeeAsync(context, command.NetworkId, command.PersonId, command.OrganisationId,
            cancellationToken);
        var key = IdempotencyKey.For(nameof(AppointRepresentative), caller, command.RequestId, command);
        var stored = await context.Writes.CreateAsync(MembershipResources.Representatives, command.NetworkId, key, async unit =>
        {
            var now = context.Now;
            var appointment = Appointment.Appoint(Identifiers.New(Identifiers.Representative, command.NetworkId, command.RequestId),
                command.NetworkId, command.OrganisationId, command.PersonId, command.Role.Value.GetValueOrDefault(),
                RepresentativeRules.Terms(command.HoursPerMonth, command.ApprovingManager), command.StartAt ?? now, now);
            await RepresentativeRules.AddToOrganisationAsync(unit, appointment, now, cancellationToken);
            return RepresentativeRules.Appointed(appointment, caller, now);
        }, cancellationToken);
        return new RepresentativeView(stored, person.FullName);
    }
}
