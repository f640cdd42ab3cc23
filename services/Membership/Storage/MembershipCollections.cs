using NetworkPlatform.Membership.Domain;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Membership.Storage;

/// <summary>The membership service's documents, each scoped by network id, with the fields its queries filter on.</summary>
public static class MembershipCollections
{
    /// <summary>A network is stored in its own scope (network id = document id).</summary>
    public static readonly DocumentCollection<Network> Networks = new("networks", n => n.Id);

    /// <summary>Stored in the parent's and in the child's scope, so each lists it.</summary>
    public static readonly DocumentCollection<NetworkRelation> NetworkRelations =
        new DocumentCollection<NetworkRelation>("network_relations", r => r.Id)
            .WithIndex("parent", r => r.ParentNetworkId)
            .WithIndex("child", r => r.ChildNetworkId);

    public static readonly DocumentCollection<Organisation> Organisations = new DocumentCollection<Organisation>("organisations", o => o.Id)
        .WithIndex("kind", o => o.Kind)
        .WithIndex("membership_state", o => o.Membership.State)
        .WithIndex("membership_state_kind", o => o.Membership.State, o => o.Kind);

    public static readonly DocumentCollection<Person> Persons = new DocumentCollection<Person>("persons", p => p.Id).WithIndex("employer",
        p => p.EmployerOrganisationId);

    /// <summary>By organisation and by person; "active" (no end yet) is checked on their few rows.</summary>
    public static readonly DocumentCollection<Appointment> Appointments = new DocumentCollection<Appointment>("representatives", a => a.Id)
        .WithIndex("organisation", a => a.OrganisationId)
        .WithIndex("person", a => a.PersonId);

    /// <summary>Stored in the origin network's scope.</summary>
    public static readonly DocumentCollection<ParticipationRequest> ParticipationRequests =
        new DocumentCollection<ParticipationRequest>("participation_requests", r => r.Id).WithIndex("person", r => r.PersonId);

    /// <summary>Pointers in the scope of every network that sees a request (the origin and each one it was forwarded to).</summary>
    public static readonly DocumentCollection<ParticipationRequestLink> ParticipationRequestLinks = new("participation_request_links", r =>
        r.Id);

    /// <summary>Who is in which group with which roles (from the groups service's events), by group and by person.</summary>
    public static readonly DocumentCollection<GroupParticipation> GroupParticipations = new DocumentCollection<GroupParticipation>(
            "group_participations", p => GroupParticipationId(p.GroupId, p.PersonId))
        .WithIndex("group", p => p.GroupId)
        .WithIndex("person", p => p.PersonId);

    /// <summary>Every collection, for the migration that creates their indexes.</summary>
    public static IReadOnlyCollection<IDocumentCollection> All { get; } =
        [Networks, NetworkRelations, Organisations, Persons, Appointments, ParticipationRequests, ParticipationRequestLinks,
            GroupParticipations, Application.PersonalData.ContactReads.Collection];

    public static string GroupParticipationId(string groupId, string personId) => $"{groupId}/{personId}";
}
