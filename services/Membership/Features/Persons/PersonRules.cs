using NetworkPlatform.Application.Validation;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Features.Persons;

/// <summary>The field rules of a person's details, shared by create and update.</summary>
internal static class PersonRules
{
    /// <summary>Checks the fields <paramref name="fields"/> names (every field when null), under <paramref name="prefix"/>.</summary>
    public static Violations PersonDetails(this Violations violations, string prefix, PersonDetails details,
        IReadOnlySet<string>? fields = null)
    {
        bool Checked(string field) => fields is null || fields.Contains(field);
        if (Checked(Domain.PersonDetails.Fields.FullName))
        {
            violations.Required($"{prefix}.full_name", details.FullName);
        }
        if (Checked(Domain.PersonDetails.Fields.Email))
        {
            violations.OptionalEmail($"{prefix}.email", details.Email.Trim());
        }
        if (Checked(Domain.PersonDetails.Fields.Phone))
        {
            violations.OptionalPhone($"{prefix}.phone", details.Phone.Trim());
        }
        if (Checked(Domain.PersonDetails.Fields.ExpertiseAreas))
        {
            violations.Require(details.ExpertiseAreas.Count <= Domain.PersonDetails.MaxExpertiseAreas, $"{prefix}.expertise_areas",
                $"At most {Domain.PersonDetails.MaxExpertiseAreas} areas; this has {details.ExpertiseAreas.Count}.");
            for (var i = 0; i < details.ExpertiseAreas.Count; i++)
            {
                violations.Required($"{prefix}.expertise_areas[{i}]", details.ExpertiseAreas[i], 100);
            }
        }
        return violations;
    }
}
