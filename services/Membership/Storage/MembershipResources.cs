using NetworkPlatform.Application.Changes;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Storage;

/// <summary>The membership service's collections as callers name them (API type and resource path), for errors.</summary>
public static class MembershipResources
{
    private const string Api = "networkplatform.membership.v1.";

    /// <summary>A network is its own scope: its resource name is "networks/{id}".</summary>
    public static readonly Resource<Network> Networks = new(MembershipCollections.Networks, Api + "Network", "");

    public static readonly Resource<Organisation> Organisations = new(MembershipCollections.Organisations, Api + "Organisation",
        "organisations");

    public static readonly Resource<Person> Persons = new(MembershipCollections.Persons, Api + "Person", "persons");

    public static readonly Resource<Appointment> Representatives = new(MembershipCollections.Appointments, Appointment.ApiType,
        "representatives");

    public static readonly Resource<ParticipationRequest> ParticipationRequests =
        new(MembershipCollections.ParticipationRequests, Api + "ParticipationRequest", "participation_requests");

    /// <summary>A request as a network that it reached sees it (through its link).</summary>
    public static readonly Resource<ParticipationRequestLink> ParticipationRequestLinks =
        new(MembershipCollections.ParticipationRequestLinks, Api + "ParticipationRequest", "participation_request_links");

    public static readonly Resource<NetworkRelation> NetworkRelations =
        new(MembershipCollections.NetworkRelations, Api + "NetworkRelation", "network_relations");
}
