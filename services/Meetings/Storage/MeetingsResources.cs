using NetworkPlatform.Application.Changes;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Storage;

/// <summary>The meetings service's collections as callers name them (API type and resource path), for errors.</summary>
public static class MeetingsResources
{
    public static readonly Resource<Meeting> Meetings = new(MeetingsCollections.Meetings, "networkplatform.meetings.v1.Meeting",
        "meetings");

    public static readonly Resource<ActionItem> ActionItems =
        new(MeetingsCollections.ActionItems, "networkplatform.meetings.v1.ActionItem", "actionItems");

    public static readonly Resource<Deadline> Deadlines = new(MeetingsCollections.Deadlines, "networkplatform.meetings.v1.Deadline",
        "deadlines");
}
