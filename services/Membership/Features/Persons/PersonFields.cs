using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Persons;

/// <summary>Validation shared by create and update of a person.</summary>
internal static class PersonFields
{
    public const int MaxExpertiseAreas = 20;

    public static void Validate(Validation validation, V1.Person person, Func<string, bool>? inMask = null)
    {
        bool Checked(string field) => inMask is null || inMask(field);
        if (Checked("full_name"))
        {
            validation.Required("person.full_name", person.FullName);
        }
        if (Checked("email"))
        {
            validation.OptionalEmail("person.email", person.Email.Trim());
        }
        if (Checked("phone"))
        {
            validation.OptionalPhone("person.phone", person.Phone.Trim());
        }
        if (Checked("expertise_areas"))
        {
            if (person.ExpertiseAreas.Count > MaxExpertiseAreas)
            {
                validation.Add("person.expertise_areas", $"At most {MaxExpertiseAreas} areas; this has {person.ExpertiseAreas.Count}.");
            }
            for (var i = 0; i < person.ExpertiseAreas.Count; i++)
            {
                validation.Required($"person.expertise_areas[{i}]", person.ExpertiseAreas[i], 100);
            }
        }
    }

    public static List<string> Areas(V1.Person person) => person.ExpertiseAreas.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
