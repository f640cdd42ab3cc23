using NetworkPlatform.Application.Failures;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Tests;

public class MinutesTests
{
    private static readonly DateTimeOffset After = Samples.Local(2026, 1, 21);

    private static Meeting HeldStartUp()
    {
        var meeting = Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20));
        var held = Samples.Held(meeting, ("p-kari", AttendanceStatus.Present), ("p-ola", AttendanceStatus.Present), ("p-ingrid",
            AttendanceStatus.Excused));
        return held.RecordDecision(new Decision
        {
            Id = "dec-1", Kind = DecisionKind.LeaderElected, Text = "Kari Nordmann is elected leader", PersonId = "p-kari",
            AgendaItemId = held.Agenda[0].Id, RecordedAt = After, RecordedBy = "u-secretariat",
        });
    }

    [Fact]
    public void the_draft_is_written_from_agenda_attendance_and_decisions()
    {
        var meeting = HeldStartUp();
        var newItem = ActionItem.AgreeAt(meeting, "act-1", "Draft the annual wheel", "p-ola", "Ola Hansen", new DateOnly(2026, 2, 15),
            After);

        var text = MinutesDraft.Compose(meeting, "Digital mobbing", Samples.Oslo, meeting.QuorumUnder(new QuorumRule()), [newItem], [],
            MeetingTexts.English);

        Assert.Contains("Digital mobbing, 2026-01-20 10:00 (Europe/Oslo), Bergen rådhus", text, StringComparison.Ordinal);
        Assert.Contains("- Present: Kari Nordmann, Ola Hansen", text, StringComparison.Ordinal);
        Assert.Contains("- Excused: Ingrid Berg", text, StringComparison.Ordinal);
        Assert.Contains("Quorum: reached (2 present, 2 required)", text, StringComparison.Ordinal);
        Assert.Contains("1. Elect the leader\n   - Decision: Kari Nordmann is elected leader", text.ReplaceLineEndings("\n"),
            StringComparison.Ordinal);
        Assert.Contains("- [ ] Draft the annual wheel (Ola Hansen, due 2026-02-15)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void minutes_go_from_draft_to_approved_to_published_with_the_secretariat_copied()
    {
        var meeting = HeldStartUp().DraftMinutes("draft", After).EditMinutes("edited");
        var approved = meeting.ApproveMinutes(After, "u-kari");
        var addressees = NotificationRules.Resolve(NotificationRules.Defaults, NotificationEvent.MinutesPublished, Samples.Participants,
            Samples.Secretariat);

        var published = approved.PublishMinutes(addressees, After.AddDays(1));

        Assert.Equal(MinutesStatus.Published, published.Minutes!.Status);
        Assert.Equal("edited", published.Minutes.Text);
        Assert.Contains(published.Minutes.PublishedTo!.All, r => r.Kind == RecipientKind.Secretariat);
    }

    [Fact]
    public void minutes_need_a_held_meeting_and_an_approval_before_publishing()
    {
        var planned = Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20));
        Assert.Equal("MEETING_NOT_HELD", Assert.Throws<RuleViolationException>(() => planned.DraftMinutes("x", After)).Reason);

        var draft = HeldStartUp().DraftMinutes("x", After);
        var none = new Addressees([], []);
        Assert.Equal("MINUTES_DRAFT", Assert.Throws<RuleViolationException>(() => draft.PublishMinutes(none, After)).Reason);
        Assert.Equal("MINUTES_NOT_DRAFTED", Assert.Throws<RuleViolationException>(() => HeldStartUp().ApproveMinutes(After, "u")).Reason);
    }

    [Fact]
    public void approved_minutes_are_final()
    {
        var approved = HeldStartUp().DraftMinutes("x", After).ApproveMinutes(After, "u-kari");

        Assert.Equal("MINUTES_APPROVED", Assert.Throws<RuleViolationException>(() => approved.EditMinutes("y")).Reason);
        Assert.Equal("MINUTES_FINAL", Assert.Throws<RuleViolationException>(() => approved.RecordDecision(new Decision
        {
            Id = "dec-2", Kind = DecisionKind.FreeText, Text = "late", RecordedAt = After, RecordedBy = "u",
        })).Reason);
        Assert.Equal("MINUTES_FINAL", Assert.Throws<RuleViolationException>(() => approved.DraftMinutes("z", After)).Reason);
    }
}
