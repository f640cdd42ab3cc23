using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <param name="UpdateMask">The terms to change (empty: all of them).</param>
/// <param name="ApprovingManager">Null when the caller sent none.</param>
public sealed record UpdateRepresentativeCommand(string NetworkId, string RepresentativeId, string Etag, IReadOnlyList<string> UpdateMask,
    int HoursPerMonth, ApprovingManager? ApprovingManager) : INetworkRequest;

/// <summary>Changes the terms of an active appointment: hours per month and the approving manager (field mask + etag).</summary>
public sealed class UpdateRepresentative(MembershipContext context) : IUseCase<UpdateRepresentativeCommand, RepresentativeView>
{
    // Who may is decided on the stored appointment (its organisation), in HandleAsync.
    public void Authorize(UpdateRepresentativeCommand command, Caller caller)
    {
    }

    public void Validate(UpdateRepresentativeCommand command, Violations violations)
    {
        violations.Id("representative.id", command.RepresentativeId)
            .Etag("representative.etag", command.Etag)
            .UpdateMask("update_mask", command.UpdateMask, AppointmentTerms.Fields.Updatable);
        var fields = UpdateMasks.Effective(command.UpdateMask, AppointmentTerms.Fields.Updatable);
        if (fields.Contains(AppointmentTerms.Fields.HoursPerMonth))
        {
            violations.HoursPerMonth("representative.hours_per_month", command.HoursPerMonth);
        }
        if (fields.Contains(AppointmentTerms.Fields.ApprovingManager))
        {
            violations.ApprovingManager("representative.approving_manager", command.ApprovingManager);
        }
    }

    public async Task<RepresentativeView> HandleAsync(UpdateRepresentativeCommand command, Caller caller,
        CancellationToken cancellationToken)
    {
        var fields = UpdateMasks.Effective(command.UpdateMask, AppointmentTerms.Fields.Updatable);
        var updated = await context.Writes.ChangeAsync(MembershipResources.Representatives, command.NetworkId, command.RepresentativeId,
            command.Etag,
            appointment =>
            {
                Authorisation.EnsureSecretariatOrOrganisation(caller, appointment.OrganisationId);
                var terms = RepresentativeRules.Terms(command.HoursPerMonth, command.ApprovingManager);
                var changed = appointment.ChangeTerms(terms, fields, context.Now);
                // Reporting keeps the hours set aside (time invested): it follows this event.
                return Change<Appointment>.With(changed, version => new RepresentativeUpdated(Guid.NewGuid(), context.Now,
                    changed.NetworkId, changed.Id, version, changed.Id, changed.OrganisationId, changed.PersonId, changed.HoursPerMonth,
                    [.. fields.Order(StringComparer.Ordinal)], caller.Subject));
            }, cancellationToken);
        return await RepresentativeRules.ViewAsync(context, updated, cancellationToken);
    }
}
