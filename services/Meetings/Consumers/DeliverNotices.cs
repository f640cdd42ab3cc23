using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Calendar;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Notifications;
using NetworkPlatform.Meetings.Peers;
using NetworkPlatform.Meetings.Storage;
using NetworkPlatform.Messaging.Inbox;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Meetings.Consumers;

/// <summary>
/// Hands invitations and published minutes to the mail adapter, once per event (the inbox guards redelivery). The events
/// name recipients by person id; their addresses come from the meeting (invited, uninvited, sent the minutes) and the
/// network's secretariat, and only the mail carries them, in its headers and in the calendar's ORGANIZER and ATTENDEEs.
/// </summary>
public sealed class DeliverNotices(INotificationSender sender, INetworkLanguages languages)
    : IEventHandler<InvitationIssued>, IEventHandler<MinutesPublished>
{
    public async Task HandleAsync(InvitationIssued domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        var book = await AddressBookAsync(unitOfWork, domainEvent.NetworkId, domainEvent.MeetingId, cancellationToken);
        var attendees = domainEvent.To.Select(r => book.Attendee(r, copied: false))
            .Concat(domainEvent.Cc.Select(r => book.Attendee(r, copied: true)))
            .ToList();
        var calendar = CalendarDocument.WithParticipants(domainEvent.IcsContent, MeetingCalendar.Organizer(book.Secretariat), attendees);
        await sender.SendAsync(domainEvent.Subject, domainEvent.Body, book.Resolve(domainEvent.To), book.Resolve(domainEvent.Cc),
            (domainEvent.IcsFileName, calendar), cancellationToken);
    }

    public async Task HandleAsync(MinutesPublished domainEvent, IUnitOfWork unitOfWork, CancellationToken cancellationToken)
    {
        if (domainEvent.BackfilledAt is not null)
        {
            return; // a past year's minutes, recorded for the figures: their readers had them then
        }
        var book = await AddressBookAsync(unitOfWork, domainEvent.NetworkId, domainEvent.MeetingId, cancellationToken);
        var texts = MeetingTexts.For(await languages.LanguagesAsync(domainEvent.NetworkId, cancellationToken));
        await sender.SendAsync($"{texts.Minutes}: {domainEvent.Title}", domainEvent.Text, book.Resolve(domainEvent.To),
            book.Resolve(domainEvent.Cc), null, cancellationToken);
    }

    private static async Task<AddressBook> AddressBookAsync(IUnitOfWork unitOfWork, string networkId, string meetingId,
        CancellationToken cancellationToken)
    {
        var meeting = (await unitOfWork.GetAsync(MeetingsCollections.Meetings, networkId, meetingId, cancellationToken))?.Document;
        var settings = (await unitOfWork.GetAsync(MeetingsCollections.Settings, networkId, MeetingsCollections.SettingsId,
            cancellationToken))?.Document ?? NetworkSettings.Default(networkId);
        return new AddressBook(meeting, settings.Secretariat);
    }

    /// <summary>The addresses the meetings service keeps for one meeting's notices.</summary>
    private sealed class AddressBook(Meeting? meeting, Secretariat secretariat)
    {
        private readonly Dictionary<string, Recipient> participants = (meeting?.Uninvited ?? [])
            .Concat(meeting?.Minutes?.PublishedTo?.All ?? [])
            .Concat(meeting?.Invitations.Select(i => i.Recipient) ?? [])
            .Where(r => r.PersonId is not null)
            .GroupBy(r => r.PersonId!)
            .ToDictionary(g => g.Key, g => g.Last()); // The invitation's address is the latest known.

        public Secretariat Secretariat => secretariat;

        /// <summary>Each recipient with the address kept for them; one the meeting does not know keeps an empty one (not mailed).</summary>
        public IReadOnlyList<Recipient> Resolve(IReadOnlyList<NotificationRecipient> recipients) => recipients.Select(Find).ToList();

        public CalendarAttendee Attendee(NotificationRecipient recipient, bool copied) =>
            MeetingCalendar.Attendee(Find(recipient), copied,
                meeting?.Invitations.FirstOrDefault(i => i.Recipient.PersonId == recipient.PersonId)?.Answer ?? RsvpAnswer.NoReply);

        private Recipient Find(NotificationRecipient recipient) =>
            recipient.PersonId is null
                ? NotificationRules.SecretariatRecipient(secretariat)
                : participants.GetValueOrDefault(recipient.PersonId)
                    ?? new Recipient(RecipientKind.Participant, recipient.PersonId, recipient.Name, "");
    }
}
