using NetworkPlatform.Hosting.Errors;
using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Membership.Storage;
using V1 = NetworkPlatform.Membership.V1;

namespace NetworkPlatform.Membership.Features.Representatives;

/// <summary>Validation and rules shared by appoint, replace and update.</summary>
internal static class AppointmentFields
{
    public static void HoursPerMonth(Validation validation, string field, int hours)
    {
        if (hours is < Appointment.MinHoursPerMonth or > Appointment.MaxHoursPerMonth)
        {
            validation.Add(field, $"{hours} is out of range: set aside {Appointment.MinHoursPerMonth}-{Appointment.MaxHoursPerMonth} hours per month.");
        }
    }

    public static void ApprovingManager(Validation validation, string field, V1.ApprovingManager? manager)
    {
        if (manager is null)
        {
            validation.Add(field, "Required: the manager in the organisation who approved the appointment (full_name at least).");
            return;
        }
        validation.Required($"{field}.full_name", manager.FullName)
            .MaxLength($"{field}.title", manager.Title)
            .OptionalEmail($"{field}.email", manager.Email.Trim());
    }

    /// <summary>A representative acts for their employer: the person must exist and work for the organisation.</summary>
    public static async Task<Person> RequireEmployeeAsync(MembershipContext context, string networkId, string personId, string organisationId, CancellationToken cancellationToken)
    {
        var person = await context.Store.RequireAsync(MembershipCollections.Persons, networkId, personId, cancellationToken);
        if (person.Document.EmployerOrganisationId != organisationId)
        {
            throw RpcErrors.FailedPrecondition("PERSON_NOT_EMPLOYED_BY_ORGANISATION", $"networks/{networkId}/persons/{personId}",
                $"'{person.Document.FullName}' works for organisation '{person.Document.EmployerOrganisationId}', not '{organisationId}'; an organisation appoints its own employees.");
        }
        return person.Document;
    }
}
