using NetworkPlatform.Application;
using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Features;

/// <summary>Meetings' reads of contact details: the invitees whose e-mail address an answer showed (issue 24 item 4).</summary>
public static class MeetingContactReads
{
    /// <summary>Records the participants whose address <see cref="Access.MaySeeContactOf"/> let the caller see on these meetings.</summary>
    public static Task RecordAsync(MeetingsContext context, Caller caller, string networkId, string via, IEnumerable<Meeting> meetings,
        CancellationToken cancellationToken) =>
        ContactReads.RecordAsync(context.Store, networkId, caller, via, context.Now, meetings.SelectMany(m => ShownOn(caller, m)),
            cancellationToken);

    private static IEnumerable<string> ShownOn(Caller caller, Meeting meeting) =>
        meeting.Invitations.Select(i => i.Recipient).Concat(meeting.Minutes?.PublishedTo?.All ?? [])
            .Where(r => r is { Kind: RecipientKind.Participant, PersonId: not null, Email.Length: > 0 }
                && Access.MaySeeContactOf(caller, meeting, r))
            .Select(r => r.PersonId!);
}
