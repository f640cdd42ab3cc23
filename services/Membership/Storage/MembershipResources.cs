using NetworkPlatform.Application.Changes;
using NetworkPlatform.Membership.Domain;

namespace NetworkPlatform.Membership.Storage;

/// <summary>The membership service's collections as callers name them (API type and resource path), for errors.</summary>
public static class MembershipResources
{
    public static readonly Resource<Organisation> Organisations = new(MembershipCollections.Organisations, "networkplatform.membership.v1.Organisation", "organisations");

    public static readonly Resource<Person> Persons = new(MembershipCollections.Persons, "networkplatform.membership.v1.Person", "persons");
}
