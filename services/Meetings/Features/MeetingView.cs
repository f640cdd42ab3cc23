using NetworkPlatform.Application;
using NetworkPlatform.Application.Changes;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Features;

/// <summary>A meeting as the meeting use cases answer it: with the network's quorum rule, which its quorum is counted under.</summary>
public sealed record MeetingView(Versioned<Meeting> Meeting, QuorumRule Quorum);

/// <summary>A page of meetings and the network's quorum rule.</summary>
public sealed record MeetingPage(Page<Meeting> Page, QuorumRule Quorum);

public static class MeetingViews
{
    public static async Task<MeetingView> ViewAsync(this MeetingsContext context, Versioned<Meeting> meeting,
        CancellationToken cancellationToken) =>
        new(meeting, (await context.Database.SettingsAsync(meeting.Document.NetworkId, cancellationToken)).Quorum);
}

/// <summary>The steps the use cases that change a meeting share.</summary>
public static class MeetingChanges
{
    /// <summary>The meeting, once the caller is known to organise it (the secretariat, or a leader of its group).</summary>
    public static async Task<Versioned<Meeting>> OrganisedMeetingAsync(this MeetingsContext context, Caller caller, string networkId,
        string meetingId, CancellationToken cancellationToken)
    {
        var current = await context.Database.GetMeetingAsync(networkId, meetingId, cancellationToken);
        await Access.EnsureOrganiserAsync(caller, networkId, current.Document.GroupId, context.Groups, cancellationToken);
        return current;
    }

    /// <summary>Changes the meeting through <see cref="Writes"/>: the etag, the aggregate's method, its events.</summary>
    public static Task<Versioned<Meeting>> ChangeMeetingAsync(this MeetingsContext context, string networkId, string meetingId, string etag,
        Func<Meeting, Change<Meeting>> change, CancellationToken cancellationToken) =>
        context.Writes.ChangeAsync(MeetingsResources.Meetings, networkId, meetingId, etag, change, cancellationToken);
}
