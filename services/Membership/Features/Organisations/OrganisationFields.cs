using NetworkPlatform.Membership.Contract;
using NetworkPlatform.Membership.Domain;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Organisations;

/// <summary>Validation shared by create and update of an organisation.</summary>
internal static class OrganisationFields
{
    public static OrganisationKind? Validate(Validation validation, V1.Organisation organisation, Func<string, bool>? inMask = null)
    {
        bool Checked(string field) => inMask is null || inMask(field);
        OrganisationKind? kind = null;
        if (Checked("display_name"))
        {
            validation.Required("organisation.display_name", organisation.DisplayName);
        }
        if (Checked("kind"))
        {
            kind = validation.Enum("organisation.kind", organisation.Kind, ProtoMapping.ToDomain);
        }
        if (Checked("organisation_number"))
        {
            var number = organisation.OrganisationNumber;
            var optional = organisation.Kind == V1.OrganisationKind.Network;
            if (number.Length == 0 ? !optional : !FieldRules.IsOrganisationNumber(number))
            {
                validation.Add("organisation.organisation_number", number.Length == 0
                    ? "Required: the 9-digit organisasjonsnummer from Brønnøysundregistrene."
                    : $"'{number}' is not a valid organisasjonsnummer: 9 digits whose last is the mod-11 check digit; copy it from Brønnøysundregistrene.");
            }
        }
        if (Checked("contact") && organisation.Contact is { } contact)
        {
            validation.OptionalEmail("organisation.contact.email", contact.Email.Trim())
                .OptionalPhone("organisation.contact.phone", contact.Phone.Trim())
                .MaxLength("organisation.contact.address", contact.Address)
                .MaxLength("organisation.contact.website", contact.Website);
        }
        return kind;
    }
}
