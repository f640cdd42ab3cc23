namespace NetworkPlatform.Meetings.Domain;

public enum RecipientKind
{
    Participant,
    Secretariat,

    /// <summary>The group's own contact address (Group.contact_email), copied on invitations.</summary>
    GroupContact,
}

/// <summary>
/// Someone a notification goes to: a group participant (PersonId set), the network's secretariat or the group's contact. A
/// participant's organisation and whether they organise the group's meetings are kept as the groups service told them at
/// invitation time: they decide who else may see the participant's e-mail address.
/// </summary>
public sealed record Recipient(RecipientKind Kind, string? PersonId, string Name, string Email, string? OrganisationId = null,
    bool Organiser = false)
{
    public string Key => Kind switch
    {
        RecipientKind.Secretariat => "secretariat",
        RecipientKind.GroupContact => "group-contact",
        _ => $"person:{PersonId}",
    };
}

/// <summary>The addressees of one notification: To and Cc, no one twice.</summary>
public sealed record Addressees(IReadOnlyList<Recipient> To, IReadOnlyList<Recipient> Cc)
{
    public IEnumerable<Recipient> All => To.Concat(Cc);
}
