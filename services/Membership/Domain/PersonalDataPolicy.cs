using NetworkPlatform.Hosting.Auth;

namespace NetworkPlatform.Membership.Domain;

/// <summary>
/// Who may see a person's email and phone: the secretariat, the person's own organisation and the person.
/// Group leaders of the person's groups are meant to as well; that needs a read model of the groups service's
/// participant events and is not wired yet, so group leaders see name and organisation only for now.
/// </summary>
public static class PersonalDataPolicy
{
    public static bool MaySeePersonalData(Caller caller, Person person) =>
        caller.NetworkId == person.NetworkId
        && (caller.HasRole(Roles.Secretariat)
            || (caller.OrganisationId is not null && caller.OrganisationId == person.EmployerOrganisationId)
            || (caller.PersonId is not null && caller.PersonId == person.Id));
}
