using NetworkPlatform.Application;

namespace NetworkPlatform.Membership.Domain;

/// <summary>
/// Who may see a person's email and phone: the secretariat, the person's own organisation, the person, and the group
/// leaders of the groups the person is in (a caller with the group-leader role and a person_id claim, checked against
/// the membership service's copy of the groups' participants). Everyone else sees name and organisation only.
/// </summary>
public static class PersonalDataPolicy
{
    public static bool MaySeePersonalData(PersonalDataViewer viewer, Person person)
    {
        var caller = viewer.Caller;
        return caller.NetworkId == person.NetworkId
            && (caller.HasRole(Roles.Secretariat)
                || (caller.OrganisationId is not null && caller.OrganisationId == person.EmployerOrganisationId)
                || (caller.PersonId is not null && caller.PersonId == person.Id)
                || viewer.LedGroupMembers.Contains(person.Id));
    }
}

/// <summary>A caller, and the persons in the groups it leads (empty unless it is a group leader).</summary>
public sealed record PersonalDataViewer(Caller Caller, IReadOnlySet<string> LedGroupMembers)
{
    /// <summary>A caller seen without its group leadership (enough where only the secretariat or the organisation gets through).</summary>
    public static PersonalDataViewer Of(Caller caller) => new(caller, new HashSet<string>());
}
