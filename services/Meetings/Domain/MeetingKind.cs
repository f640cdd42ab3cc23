namespace NetworkPlatform.Meetings.Domain;

/// <summary>The kinds of meetings the source texts describe (003: oppstartsmøte, underveismøte, rapporteringsmøte ...).</summary>
public enum MeetingKind
{
    StartUp,
    Interim,
    Reporting,
    PartnerMeeting,
    GroupLeaderMeeting,
    Workshop,
    Other,
}

public enum MeetingStatus
{
    Planned,
    Invited,
    Held,
    Cancelled,
}

public static class MeetingKinds
{
    /// <summary>Meetings of the whole network (partnermøte, gruppeledermøte) rather than of one group.</summary>
    public static bool IsNetworkLevel(this MeetingKind kind) => kind is MeetingKind.PartnerMeeting or MeetingKind.GroupLeaderMeeting;
}
