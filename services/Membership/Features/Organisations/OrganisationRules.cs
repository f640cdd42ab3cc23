using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Application.Validation;
using NetworkPlatform.Events;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>An organisation's details as the caller sent them.</summary>
public sealed record OrganisationInput(string DisplayName, string OrganisationNumber, Choice<OrganisationKind> Kind, ContactDetails Contact)
{
    /// <summary>The details of a validated input (a kind left out of an update mask is not used).</summary>
    public OrganisationDetails Details() => new(DisplayName, OrganisationNumber, Kind.Value.GetValueOrDefault(), Contact);
}

/// <summary>The field rules of organisations, and the shape of a membership step, shared by their use cases.</summary>
internal static class OrganisationRules
{
    /// <summary>Checks the fields <paramref name="fields"/> names (every field when null).</summary>
    public static Violations OrganisationDetails(this Violations violations, OrganisationInput organisation,
        IReadOnlySet<string>? fields = null)
    {
        bool Checked(string field) => fields is null || fields.Contains(field);
        if (Checked(Domain.OrganisationDetails.Fields.DisplayName))
        {
            violations.Required("organisation.display_name", organisation.DisplayName);
        }
        if (Checked(Domain.OrganisationDetails.Fields.Kind))
        {
            violations.Choice("organisation.kind", organisation.Kind);
        }
        if (Checked(Domain.OrganisationDetails.Fields.OrganisationNumber))
        {
            var number = organisation.OrganisationNumber;
            var optional = organisation.Kind.Value == OrganisationKind.Network;
            violations.Require(number.Length == 0 ? optional : FieldRules.IsOrganisationNumber(number), "organisation.organisation_number",
                number.Length == 0
                    ? "Required: the 9-digit organisasjonsnummer from Brønnøysundregistrene."
                    : $"{Violations.Quote(number)} is not a valid organisasjonsnummer: 9 digits whose last is the mod-11 check digit; "
                        + "copy it from Brønnøysundregistrene.");
        }
        if (Checked(Domain.OrganisationDetails.Fields.Contact))
        {
            var contact = organisation.Contact;
            violations.OptionalEmail("organisation.contact.email", contact.Email.Trim())
                .OptionalPhone("organisation.contact.phone", contact.Phone.Trim())
                .Text("organisation.contact.address", contact.Address)
                .Text("organisation.contact.website", contact.Website);
        }
        return violations;
    }

    /// <summary>The fields of a step of the membership lifecycle.</summary>
    public static Violations Decision(this Violations violations, string organisationId, string etag, string reason, bool reasonRequired)
    {
        violations.Id("organisation_id", organisationId).Etag("etag", etag);
        return reasonRequired
            ? violations.Required("reason", reason, MembershipRules.MaxReasonLength)
            : violations.Text("reason", reason, MembershipRules.MaxReasonLength);
    }

    /// <summary>
    /// One step of the membership lifecycle: <paramref name="step"/> (the organisation's method, which checks the
    /// lifecycle) decided by the caller now, and the event that says so.
    /// </summary>
    public static Task<Versioned<Organisation>> DecideAsync(MembershipContext context, Caller caller, string networkId,
        string organisationId, string etag, string reason, Func<Organisation, Decision, Organisation> step,
        Func<Organisation, Decision, long, IDomainEvent> happened, CancellationToken cancellationToken)
    {
        var decision = new Decision(caller.Subject, context.Now, reason.Trim());
        return context.Writes.ChangeAsync(MembershipResources.Organisations, networkId, organisationId, etag, organisation =>
        {
            var changed = step(organisation, decision);
            return Change<Organisation>.With(changed, version => happened(changed, decision, version));
        }, cancellationToken);
    }
}
