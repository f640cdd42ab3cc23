namespace NetworkPlatform.Meetings.Domain;

/// <summary>The moments the service notifies people.</summary>
public enum NotificationEvent
{
    Invitation,
    Reminder,
    Rescheduled,
    Cancelled,
    MinutesPublished,
}

/// <summary>Who, relative to a meeting, an addressee is.</summary>
public enum Audience
{
    /// <summary>Every participant of the group (leaders included).</summary>
    Participants,

    /// <summary>The group's leader and deputy.</summary>
    Leaders,

    Secretariat,
}

/// <summary>For one event: who gets it as To and who as Cc.</summary>
public sealed record NotificationRule(NotificationEvent Event, IReadOnlyList<Audience> To, IReadOnlyList<Audience> Cc);

/// <summary>A participant of a group as the groups service reports it.</summary>
public sealed record GroupParticipant(string PersonId, string Name, string Email, string Role, string? OrganisationId = null)
{
    public bool IsLeader => Role is "leader" or "deputy";

    /// <summary>Leaders, deputies and secretaries organise the group's meetings.</summary>
    public bool IsOrganiser => Role is "leader" or "deputy" or "secretary";
}

public sealed record Secretariat(string Name, string Email);

public static class NotificationRules
{
    public static IReadOnlyList<NotificationRule> Defaults { get; } =
        Enum.GetValues<NotificationEvent>().Select(e => new NotificationRule(e, [Audience.Participants], [Audience.Secretariat])).ToArray();

    /// <summary>
    /// The addressees of an event under the network's rules. The secretariat is always copied on invitations and minutes
    /// (seed 003: it keeps the partner calendar from them), whatever the rules say; nobody appears twice (To wins over Cc).
    /// </summary>
    public static Addressees Resolve(IReadOnlyList<NotificationRule> rules, NotificationEvent notification,
        IReadOnlyList<GroupParticipant> participants, Secretariat secretariat)
    {
        var rule = rules.FirstOrDefault(r => r.Event == notification)
            ?? Defaults.First(r => r.Event == notification);
        var to = Expand(rule.To, participants, secretariat).ToList();
        var cc = Expand(rule.Cc, participants, secretariat).ToList();
        if (!to.Concat(cc).Any(r => r.Kind == RecipientKind.Secretariat))
        {
            cc.Add(SecretariatRecipient(secretariat));
        }
        var toKeys = to.Select(r => r.Key).ToHashSet();
        return new Addressees(Distinct(to), Distinct(cc.Where(r => !toKeys.Contains(r.Key))));
    }

    /// <summary>
    /// The addressees with the group's contact address on copy (as groups.v1.Group.contact_email promises for invitations),
    /// unless the group has none or someone already addressed has it.
    /// </summary>
    public static Addressees CopyGroupContact(Addressees addressees, string groupName, string contactEmail) =>
        contactEmail.Length == 0 || addressees.To.Concat(addressees.Cc).Any(r =>
            string.Equals(r.Email, contactEmail, StringComparison.OrdinalIgnoreCase))
            ? addressees
            : addressees with { Cc = [.. addressees.Cc, new Recipient(RecipientKind.GroupContact, null, groupName, contactEmail)] };

    public static Recipient SecretariatRecipient(Secretariat secretariat) => new(RecipientKind.Secretariat, null, secretariat.Name,
        secretariat.Email);

    private static IEnumerable<Recipient> Expand(IEnumerable<Audience> audiences, IReadOnlyList<GroupParticipant> participants,
        Secretariat secretariat)
    {
        foreach (var audience in audiences)
        {
            var people = audience switch
            {
                Audience.Participants => participants,
                Audience.Leaders => participants.Where(p => p.IsLeader),
                _ => [],
            };
            foreach (var person in people)
            {
                yield return new Recipient(RecipientKind.Participant, person.PersonId, person.Name, person.Email, person.OrganisationId,
                    person.IsOrganiser);
            }
            if (audience == Audience.Secretariat)
            {
                yield return SecretariatRecipient(secretariat);
            }
        }
    }

    private static List<Recipient> Distinct(IEnumerable<Recipient> recipients) => recipients.DistinctBy(r => r.Key).ToList();
}
