using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Storage;

/// <summary>The membership service's documents, each scoped by network id, with the fields its queries filter on.</summary>
public static class MembershipCollections
{
    /// <summary>A network is stored in its own scope (network id = document id).</summary>
    public static readonly DocumentCollection<Network> Networks = new("networks", n => n.Id);

    /// <summary>Stored in the parent's and in the child's scope, so each lists it.</summary>
    public static readonly DocumentCollection<NetworkRelation> NetworkRelations = new("network_relations", r => r.Id,
        new Dictionary<string, Func<NetworkRelation, string?>>
        {
            ["parent"] = r => r.ParentNetworkId,
            ["child"] = r => r.ChildNetworkId,
        });

    public static readonly DocumentCollection<Organisation> Organisations = new("organisations", o => o.Id,
        new Dictionary<string, Func<Organisation, string?>>
        {
            ["kind"] = o => o.Kind.ToString(),
            ["membership_state"] = o => o.Membership.State.ToString(),
        });

    public static readonly DocumentCollection<Person> Persons = new("persons", p => p.Id,
        new Dictionary<string, Func<Person, string?>>
        {
            ["employer"] = p => p.EmployerOrganisationId,
        });

    public static readonly DocumentCollection<Appointment> Appointments = new("representatives", a => a.Id,
        new Dictionary<string, Func<Appointment, string?>>
        {
            ["organisation"] = a => a.OrganisationId,
            ["person"] = a => a.PersonId,
            ["active_organisation"] = a => a.IsActive ? a.OrganisationId : null,
            ["active_person"] = a => a.IsActive ? a.PersonId : null,
        });

    /// <summary>Stored in the origin network's scope.</summary>
    public static readonly DocumentCollection<ParticipationRequest> ParticipationRequests = new("participation_requests", r => r.Id);

    /// <summary>Pointers in the scope of every network that sees a request (the origin and each one it was forwarded to).</summary>
    public static readonly DocumentCollection<ParticipationRequestLink> ParticipationRequestLinks = new("participation_request_links", r => r.Id);

    /// <summary>Who is in which group with which roles (from the groups service's events), by group and by leader.</summary>
    public static readonly DocumentCollection<GroupParticipation> GroupParticipations = new("group_participations", p => GroupParticipationId(p.GroupId, p.PersonId),
        new Dictionary<string, Func<GroupParticipation, string?>>
        {
            ["group"] = p => p.GroupId,
            ["leader"] = p => p.Leads ? p.PersonId : null,
        });

    public static string GroupParticipationId(string groupId, string personId) => $"{groupId}/{personId}";
}
