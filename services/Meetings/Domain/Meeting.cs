using System.Text.Json.Serialization;
using NetworkPlatform.Application.Failures;

namespace NetworkPlatform.Meetings.Domain;

/// <summary>
/// A meeting of a group (or of the whole network: partner meeting, group-leader meeting), with its agenda, invitations,
/// attendance, decisions and minutes. Immutable: every change is a method that returns the changed meeting, or throws
/// <see cref="RuleViolationException"/> when the meeting's state does not allow it.
/// </summary>
public sealed record Meeting
{
    [JsonConstructor]
    private Meeting()
    {
    }

    [JsonInclude]
    public string Id { get; private init; } = "";

    [JsonInclude]
    public string NetworkId { get; private init; } = "";

    /// <summary>The group whose meeting this is; empty for network-level meetings.</summary>
    [JsonInclude]
    public string GroupId { get; private init; } = "";

    [JsonInclude]
    public string Title { get; private init; } = "";

    [JsonInclude]
    public MeetingKind Kind { get; private init; }

    /// <summary>UTC instants; <see cref="TimeZone"/> is the IANA zone the meeting is held in.</summary>
    [JsonInclude]
    public DateTimeOffset Start { get; private init; }

    [JsonInclude]
    public DateTimeOffset End { get; private init; }

    [JsonInclude]
    public string TimeZone { get; private init; } = "";

    [JsonInclude]
    public string Location { get; private init; } = "";

    [JsonInclude]
    public string VideoLink { get; private init; } = "";

    [JsonInclude]
    public MeetingStatus Status { get; private init; } = MeetingStatus.Planned;

    /// <summary>iCalendar SEQUENCE: goes up with every change invitees must see (time, place, cancellation).</summary>
    [JsonInclude]
    public int Sequence { get; private init; }

    [JsonInclude]
    public string CancellationReason { get; private init; } = "";

    [JsonInclude]
    public IReadOnlyList<Reschedule> Reschedules { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<AgendaItem> Agenda { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<Invitation> Invitations { get; private init; } = [];

    /// <summary>Whoever was taken off the invitation list: the mail telling them so still needs their address.</summary>
    [JsonInclude]
    public IReadOnlyList<Recipient> Uninvited { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<AttendanceEntry> Attendance { get; private init; } = [];

    [JsonInclude]
    public IReadOnlyList<Decision> Decisions { get; private init; } = [];

    /// <summary>Open action items of earlier meetings of the group, followed up at this one.</summary>
    [JsonInclude]
    public IReadOnlyList<string> CarriedOverActionItemIds { get; private init; } = [];

    [JsonInclude]
    public Minutes? Minutes { get; private init; }

    [JsonInclude]
    public DateTimeOffset? ReminderSentAt { get; private init; }

    [JsonInclude]
    public DateTimeOffset CreatedAt { get; private init; }

    [JsonInclude]
    public string CreatedBy { get; private init; } = "";

    public string Subject => $"meetings/{Id}";

    public static Meeting Schedule(
        string id, string networkId, string groupId, string title, MeetingKind kind, DateTimeOffset start, DateTimeOffset end,
        string timeZone, string location, string videoLink, IReadOnlyList<AgendaTemplateItem> template,
        IReadOnlyList<ActionItem> openActionItems, MeetingTexts texts, DateTimeOffset now, string by)
    {
        var agenda = template.Select(t => new AgendaItem { Id = Ids.New("agi"), Title = t.Title, Description = t.Description,
            DurationMinutes = t.DurationMinutes }).ToList();
        if (openActionItems.Count > 0)
        {
            agenda.Add(new AgendaItem
            {
                Id = Ids.New("agi"),
                Title = texts.CarryOverTitle,
                Description = string.Join("\n",
                    openActionItems.Select(a => $"{a.Title} ({a.OwnerName}, {texts.Due} {a.DueDate:yyyy-MM-dd})")),
                DurationMinutes = 10,
            });
        }
        return new Meeting
        {
            Id = id,
            NetworkId = networkId,
            GroupId = groupId,
            Title = title,
            Kind = kind,
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            TimeZone = timeZone,
            Location = location,
            VideoLink = videoLink,
            Agenda = agenda,
            CarriedOverActionItemIds = openActionItems.Select(a => a.Id).ToList(),
            CreatedAt = now,
            CreatedBy = by,
        };
    }

    public Meeting Reschedule(DateTimeOffset start, DateTimeOffset end, string timeZone, string location, string videoLink, string reason,
        DateTimeOffset now, string by)
    {
        EnsureUpcoming("reschedule");
        return this with
        {
            Start = start.ToUniversalTime(),
            End = end.ToUniversalTime(),
            TimeZone = timeZone,
            Location = location,
            VideoLink = videoLink,
            Sequence = Sequence + 1,
            ReminderSentAt = null,
            Reschedules = [.. Reschedules, new Reschedule(Start, End, start.ToUniversalTime(), end.ToUniversalTime(), reason, now, by)],
        };
    }

    public Meeting Cancel(string reason)
    {
        EnsureUpcoming("cancel");
        return this with { Status = MeetingStatus.Cancelled, CancellationReason = reason, Sequence = Sequence + 1 };
    }

    public Meeting AddAgendaItem(AgendaItem item, int? position)
    {
        EnsureAgendaEditable();
        var items = Agenda.ToList();
        items.Insert(position is { } p ? Math.Clamp(p, 0, items.Count) : items.Count, item);
        return this with { Agenda = items };
    }

    public Meeting UpdateAgendaItem(string itemId, Func<AgendaItem, AgendaItem> change)
    {
        EnsureAgendaEditable();
        var index = IndexOfAgendaItem(itemId);
        var items = Agenda.ToList();
        items[index] = change(items[index]) with { Id = itemId };
        return this with { Agenda = items };
    }

    public Meeting RemoveAgendaItem(string itemId)
    {
        EnsureAgendaEditable();
        var index = IndexOfAgendaItem(itemId);
        var items = Agenda.ToList();
        items.RemoveAt(index);
        return this with { Agenda = items };
    }

    /// <summary>Puts the agenda in the given order; the list must name every item exactly once.</summary>
    public Meeting ReorderAgenda(IReadOnlyList<string> itemIds)
    {
        EnsureAgendaEditable();
        var current = Agenda.Select(a => a.Id).Order(StringComparer.Ordinal);
        if (itemIds.Count != Agenda.Count || !itemIds.Order(StringComparer.Ordinal).SequenceEqual(current))
        {
            throw new RuleViolationException("AGENDA_ORDER_INCOMPLETE", Subject,
                $"Name every agenda item exactly once to reorder; the agenda has {string.Join(", ", Agenda.Select(a => a.Id))}.");
        }
        var byId = Agenda.ToDictionary(a => a.Id);
        return this with { Agenda = itemIds.Select(id => byId[id]).ToList() };
    }

    /// <summary>Invites the addressees; people already invited keep their answers, people no longer addressed drop out.</summary>
    public Meeting Invite(Addressees addressees, DateTimeOffset now)
    {
        EnsureUpcoming("invite to");
        var previous = Invitations.ToDictionary(i => i.Recipient.Key);
        var invitations = addressees.To.Select(r => (r, CopyKind.To)).Concat(addressees.Cc.Select(r => (r, CopyKind.Cc)))
            .Select(x => previous.TryGetValue(x.r.Key, out var before)
                ? before with { Recipient = x.r, Copy = x.Item2 }
                : new Invitation { Recipient = x.r, Copy = x.Item2, IssuedAt = now })
            .ToList();
        return this with { Invitations = invitations, Status = MeetingStatus.Invited };
    }

    public Meeting Rsvp(string personId, RsvpAnswer answer, string comment, DateTimeOffset now)
    {
        EnsureUpcoming("answer");
        var index = Invitations.ToList().FindIndex(i => i.Recipient.PersonId == personId);
        if (index < 0)
        {
            throw new RuleViolationException("NOT_INVITED", Subject,
                $"Person '{personId}' is not invited to this meeting; "
                + "ask the group leader or the secretariat to send the invitations again.");
        }
        var invitations = Invitations.ToList();
        invitations[index] = invitations[index] with { Answer = answer, RsvpComment = comment, AnsweredAt = now };
        return this with { Invitations = invitations };
    }

    public Meeting MarkReminderSent(DateTimeOffset now) => this with { ReminderSentAt = now };

    /// <summary>Records who was present, absent or excused; the meeting counts as held from then on.</summary>
    public Meeting RecordAttendance(IReadOnlyList<AttendanceEntry> entries, DateTimeOffset now)
    {
        EnsureNotCancelled("record attendance of");
        EnsureMinutesOpen("change the attendance of");
        if (now < Start)
        {
            throw new RuleViolationException("MEETING_NOT_STARTED", Subject,
                $"The meeting starts at {Start:u}; record attendance once it has started.");
        }
        var merged = Attendance.ToDictionary(a => a.PersonId);
        foreach (var entry in entries)
        {
            merged[entry.PersonId] = entry;
        }
        return this with { Attendance = merged.Values.OrderBy(a => a.Name, StringComparer.Ordinal).ToList(), Status = MeetingStatus.Held };
    }

    /// <summary>Quorum counts invited participants (To and Cc people, not the secretariat) against those present.</summary>
    public Quorum QuorumUnder(QuorumRule rule)
    {
        var invited = Invitations.Count(i => i.Recipient.Kind == RecipientKind.Participant);
        var present = Attendance.Count(a => a.Status == AttendanceStatus.Present);
        return new Quorum(invited, present, rule.RequiredPresent(invited));
    }

    public Meeting RecordDecision(Decision decision)
    {
        EnsureNotCancelled("record decisions of");
        EnsureMinutesOpen("add decisions to");
        if (decision.AgendaItemId is { } itemId)
        {
            IndexOfAgendaItem(itemId);
        }
        if (decision.FundApplication is { } application && Decisions.Any(d => d.FundApplication?.Id == application.Id))
        {
            throw new RuleViolationException("FUND_APPLICATION_ALREADY_DECIDED", Subject,
                $"This meeting already decided fund application {application.Id}; a meeting decides an application once.");
        }
        return this with { Decisions = [.. Decisions, decision] };
    }

    public Meeting DraftMinutes(string text, DateTimeOffset now)
    {
        if (Status != MeetingStatus.Held)
        {
            throw new RuleViolationException("MEETING_NOT_HELD", Subject,
                "Minutes are written for held meetings; record the attendance first.");
        }
        EnsureMinutesOpen("redraft the minutes of");
        return this with { Minutes = new Minutes { Status = MinutesStatus.Draft, Text = text, DraftedAt = now } };
    }

    public Meeting EditMinutes(string text)
    {
        var minutes = RequireMinutes(MinutesStatus.Draft, "edit");
        return this with { Minutes = minutes with { Text = text } };
    }

    public Meeting ApproveMinutes(DateTimeOffset now, string by)
    {
        var minutes = RequireMinutes(MinutesStatus.Draft, "approve");
        return this with { Minutes = minutes with { Status = MinutesStatus.Approved, ApprovedAt = now, ApprovedBy = by } };
    }

    /// <param name="backfilledAt">When a past year is backfilled: the real publication date, between the start and now.</param>
    public Meeting PublishMinutes(Addressees addressees, DateTimeOffset now, DateTimeOffset? backfilledAt = null)
    {
        var minutes = RequireMinutes(MinutesStatus.Approved, "publish");
        if (backfilledAt is { } at && (at < Start || at > now))
        {
            throw new InvalidFieldsException("backfilled_publish_time",
                $"{at:yyyy-MM-dd HH:mm} is outside the meeting's start ({Start:yyyy-MM-dd HH:mm}) and now; "
                + "give the date the minutes were really published, or leave it empty to publish them now.");
        }
        return this with
        {
            Minutes = minutes with { Status = MinutesStatus.Published, PublishedAt = backfilledAt ?? now, PublishedTo = addressees },
        };
    }

    /// <summary>
    /// Changes title, location or video link (null: unchanged). A new place is news for invitees: the sequence goes up.
    /// </summary>
    public Meeting Update(string? title, string? location, string? videoLink)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            throw new RuleViolationException("MEETING_CANCELLED", Subject, "The meeting was cancelled; schedule a new one instead.");
        }
        var placeChanged = (location is not null && location != Location) || (videoLink is not null && videoLink != VideoLink);
        return this with
        {
            Title = title ?? Title,
            Location = location ?? Location,
            VideoLink = videoLink ?? VideoLink,
            Sequence = placeChanged ? Sequence + 1 : Sequence,
        };
    }

    /// <summary>Adds people to the invited ones (a newcomer to the group); everyone else keeps their invitation and answer.</summary>
    public Meeting InviteAlso(Addressees newcomers, DateTimeOffset now)
    {
        var before = InvitedAddressees();
        return Invite(new Addressees([.. before.To, .. newcomers.To], [.. before.Cc, .. newcomers.Cc]), now);
    }

    /// <summary>Takes a person off the invitation list (they left the group).</summary>
    public Meeting Uninvite(string personId)
    {
        EnsureUpcoming("uninvite from");
        return this with
        {
            Invitations = Invitations.Where(i => i.Recipient.PersonId != personId).ToList(),
            Uninvited = [.. Uninvited.Where(r => r.PersonId != personId), .. Invitations.Where(i => i.Recipient.PersonId == personId)
                .Select(i => i.Recipient)],
        };
    }

    /// <summary>The meeting as the notice to someone taken off the list shows it: cancelled, for them, with the reason.</summary>
    public Meeting CancelledFor(string reason) =>
        this with { Status = MeetingStatus.Cancelled, CancellationReason = reason };

    /// <summary>The addressees of an already invited meeting, as they were invited.</summary>
    public Addressees InvitedAddressees() => new(
        Invitations.Where(i => i.Copy == CopyKind.To).Select(i => i.Recipient).ToList(),
        Invitations.Where(i => i.Copy == CopyKind.Cc).Select(i => i.Recipient).ToList());

    /// <summary>The name a person has on this meeting (invited or attending), or null when they are on neither list.</summary>
    public string? NameOf(string personId) =>
        Invitations.FirstOrDefault(i => i.Recipient.PersonId == personId)?.Recipient.Name
        ?? Attendance.FirstOrDefault(a => a.PersonId == personId)?.Name;

    public bool IsUpcoming(DateTimeOffset now) => Status is MeetingStatus.Planned or MeetingStatus.Invited && Start > now;

    private Minutes RequireMinutes(MinutesStatus expected, string action)
    {
        if (Minutes is null)
        {
            throw new RuleViolationException("MINUTES_NOT_DRAFTED", Subject,
                $"There are no minutes to {action}; generate a draft with GenerateMinutesDraft first.");
        }
        if (Minutes.Status != expected)
        {
            var hint = expected == MinutesStatus.Approved ? "approve them first" : "published or approved minutes are final";
            throw new RuleViolationException($"MINUTES_{Minutes.Status.ToString().ToUpperInvariant()}", Subject,
                $"The minutes are {Minutes.Status.ToString().ToLowerInvariant()}, so they cannot be {action}d now; {hint}.");
        }
        return Minutes;
    }

    private int IndexOfAgendaItem(string itemId)
    {
        var index = Agenda.ToList().FindIndex(a => a.Id == itemId);
        return index >= 0
            ? index
            : throw new RuleViolationException("AGENDA_ITEM_NOT_FOUND", $"{Subject}/agendaItems/{itemId}",
                $"Agenda item '{itemId}' is not on this meeting's agenda; get the meeting to see its items.");
    }

    private void EnsureUpcoming(string action)
    {
        EnsureNotCancelled(action);
        if (Status == MeetingStatus.Held)
        {
            throw new RuleViolationException("MEETING_HELD", Subject,
                $"The meeting has been held; you cannot {action} it any more. Schedule a new meeting instead.");
        }
    }

    /// <summary>
    /// The names and addresses this meeting holds of the person (on its invitations, lists and minutes), to replace here
    /// and to scrub wherever else they went.
    /// </summary>
    public IReadOnlySet<string> ValuesOf(string personId)
    {
        var recipients = Invitations.Select(i => i.Recipient).Concat(Uninvited).Concat(Minutes?.PublishedTo?.All ?? []);
        return recipients.Where(r => r.PersonId == personId).SelectMany(r => new[] { r.Name, r.Email })
            .Concat(Attendance.Where(a => a.PersonId == personId).Select(a => a.Name))
            .Where(v => v.Length > 0).ToHashSet();
    }

    /// <summary>
    /// The person was erased (GDPR article 17): on the invitations, the attendance and the minutes' addressees they stay,
    /// as <paramref name="formerName"/> without an address or comment, so counts and quorum do not change; their
    /// <paramref name="values"/> (name, addresses) are replaced in the agenda, the minutes and the decisions' wording.
    /// Null when the meeting holds none of them.
    /// </summary>
    public Meeting? ErasePerson(string personId, IReadOnlySet<string> values, string formerName)
    {
        var erasable = values.Where(v => v.Length > 0 && v != formerName).ToList();
        string Scrub(string text) => erasable.Aggregate(text, (t, v) => t.Replace(v, formerName, StringComparison.Ordinal));
        bool Names(string text) => erasable.Any(v => text.Contains(v, StringComparison.Ordinal));
        Recipient Erased(Recipient r) => r.PersonId == personId ? r with { Name = formerName, Email = "" } : r;
        var holds = Invitations.Any(i => i.Recipient.PersonId == personId && (Names(i.Recipient.Name) || i.Recipient.Email != ""
                || i.RsvpComment != ""))
            || Uninvited.Concat(Minutes?.PublishedTo?.All ?? []).Any(r => r.PersonId == personId && (Names(r.Name) || r.Email != ""))
            || Attendance.Any(a => a.PersonId == personId && Names(a.Name))
            || Agenda.Any(a => Names(a.Title) || Names(a.Description))
            || Decisions.Any(d => Names(d.Text))
            || (Minutes is not null && Names(Minutes.Text));
        if (!holds)
        {
            return null;
        }
        return this with
        {
            Invitations = [.. Invitations.Select(i => i.Recipient.PersonId == personId
                ? i with { Recipient = Erased(i.Recipient), RsvpComment = "" }
                : i)],
            Uninvited = [.. Uninvited.Select(Erased)],
            Attendance = [.. Attendance.Select(a => a.PersonId == personId ? a with { Name = formerName } : a)],
            Agenda = [.. Agenda.Select(a => a with { Title = Scrub(a.Title), Description = Scrub(a.Description) })],
            Decisions = [.. Decisions.Select(d => d with { Text = Scrub(d.Text) })],
            Minutes = Minutes is null ? null : Minutes with
            {
                Text = Scrub(Minutes.Text),
                PublishedTo = Minutes.PublishedTo is { } to ? new Addressees([.. to.To.Select(Erased)], [.. to.Cc.Select(Erased)]) : null,
            },
        };
    }

    private void EnsureNotCancelled(string action)
    {
        if (Status == MeetingStatus.Cancelled)
        {
            throw new RuleViolationException("MEETING_CANCELLED", Subject,
                $"The meeting was cancelled ({CancellationReason}); you cannot {action} it. Schedule a new meeting instead.");
        }
    }

    private void EnsureAgendaEditable()
    {
        EnsureNotCancelled("edit the agenda of");
        EnsureMinutesOpen("edit the agenda of");
    }

    private void EnsureMinutesOpen(string action)
    {
        if (Minutes is { Status: MinutesStatus.Approved or MinutesStatus.Published })
        {
            throw new RuleViolationException("MINUTES_FINAL", Subject,
                $"The minutes are {Minutes.Status.ToString().ToLowerInvariant()}; you cannot {action} this meeting any more.");
        }
    }
}
