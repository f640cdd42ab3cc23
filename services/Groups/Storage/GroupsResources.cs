using NetworkPlatform.Application.Changes;
using NetworkPlatform.Groups.Domain;

namespace NetworkPlatform.Groups.Storage;

/// <summary>The groups service's collections as callers name them (API type and resource path), for errors.</summary>
public static class GroupsResources
{
    public static readonly Resource<Group> Groups = new(GroupsCollections.Groups, "networkplatform.groups.v1.Group", "groups");

    public static readonly Resource<Measure> Measures = new(GroupsCollections.Measures, "networkplatform.groups.v1.Measure", "measures");

    public static readonly Resource<MeasurePolicy> MeasurePolicies =
        new(GroupsCollections.MeasurePolicies, "networkplatform.groups.v1.MeasurePolicy", "measurePolicy");

    public static readonly Resource<AnnualWheel> AnnualWheels =
        new(GroupsCollections.AnnualWheels, "networkplatform.groups.v1.AnnualWheel", "annualWheels");
}
