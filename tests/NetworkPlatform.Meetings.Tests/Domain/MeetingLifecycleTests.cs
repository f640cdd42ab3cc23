using NetworkPlatform.Application.Failures;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Tests;

public class MeetingLifecycleTests
{
    [Fact]
    public void rescheduling_moves_the_meeting_bumps_the_sequence_and_keeps_the_history()
    {
        var meeting = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10));

        var moved = meeting.Reschedule(Samples.Local(2026, 3, 12), Samples.Local(2026, 3, 12, 12), "Europe/Oslo", "Teams", "",
            "Clashes with the partner meeting", Samples.Local(2026, 3, 1), "u-kari");

        Assert.Equal(Samples.Local(2026, 3, 12), moved.Start);
        Assert.Equal(1, moved.Sequence);
        var history = Assert.Single(moved.Reschedules);
        Assert.Equal(meeting.Start, history.PreviousStart);
        Assert.Equal("Clashes with the partner meeting", history.Reason);
    }

    [Fact]
    public void a_cancelled_meeting_cannot_be_rescheduled_or_invited_to()
    {
        var cancelled = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10)).Cancel("The group was dissolved");

        Assert.Equal(MeetingStatus.Cancelled, cancelled.Status);
        Assert.Equal(1, cancelled.Sequence);
        Assert.Equal("MEETING_CANCELLED", Assert.Throws<RuleViolationException>(() =>
            cancelled.Reschedule(Samples.Local(2026, 3, 12), Samples.Local(2026, 3, 12, 12), "Europe/Oslo", "", "", "x",
                Samples.Local(2026, 3, 1), "u")).Reason);
        Assert.Throws<RuleViolationException>(() => Samples.Invited(cancelled));
    }

    [Fact]
    public void rsvp_is_for_invited_people_only_and_keeps_across_reinvitations()
    {
        var meeting = Samples.Invited(Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10)));

        var answered = meeting.Rsvp("p-ola", RsvpAnswer.Declined, "Travelling", Samples.Local(2026, 3, 2));
        Assert.Equal(RsvpAnswer.Declined, answered.Invitations.Single(i => i.Recipient.PersonId == "p-ola").Answer);
        Assert.Equal("NOT_INVITED", Assert.Throws<RuleViolationException>(() => meeting.Rsvp("p-stranger", RsvpAnswer.Accepted, "",
            Samples.Local(2026, 3, 2))).Reason);

        var reinvited = Samples.Invited(answered);
        Assert.Equal(RsvpAnswer.Declined, reinvited.Invitations.Single(i => i.Recipient.PersonId == "p-ola").Answer);
    }

    [Fact]
    public void attendance_cannot_be_recorded_before_the_meeting_starts()
    {
        var meeting = Samples.Invited(Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10)));

        var error = Assert.Throws<RuleViolationException>(() =>
            meeting.RecordAttendance([new AttendanceEntry("p-ola", "Ola Hansen", AttendanceStatus.Present)], Samples.Local(2026, 3, 9)));
        Assert.Equal("MEETING_NOT_STARTED", error.Reason);
    }

    [Fact]
    public void quorum_needs_half_of_the_invited_participants_present()
    {
        var meeting = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10));

        var one = Samples.Held(meeting, ("p-kari", AttendanceStatus.Present), ("p-ola", AttendanceStatus.Excused), ("p-ingrid",
            AttendanceStatus.Absent));
        var two = Samples.Held(meeting, ("p-kari", AttendanceStatus.Present), ("p-ola", AttendanceStatus.Present), ("p-ingrid",
            AttendanceStatus.Absent));

        Assert.Equal(MeetingStatus.Held, one.Status);
        Assert.Equal(new Quorum(3, 1, 2), one.QuorumUnder(new QuorumRule()));
        Assert.False(one.QuorumUnder(new QuorumRule()).Reached);
        Assert.True(two.QuorumUnder(new QuorumRule()).Reached);
        Assert.False(two.QuorumUnder(new QuorumRule(0.75)).Reached);
    }

    [Fact]
    public void a_held_meeting_cannot_be_rescheduled()
    {
        var held = Samples.Held(Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10)), ("p-kari", AttendanceStatus.Present));

        Assert.Equal("MEETING_HELD", Assert.Throws<RuleViolationException>(() => held.Cancel("too late")).Reason);
    }

    [Fact]
    public void action_items_complete_once()
    {
        var item = ActionItem.AgreeAt(Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20)), "act-1", "Send the budget",
            "p-ola", "",
            new DateOnly(2026, 2, 1), Samples.Local(2026, 1, 20));

        Assert.True(item.IsOverdue(new DateOnly(2026, 2, 2)));
        var done = item.Complete(Samples.Local(2026, 1, 30), "p-ola");
        Assert.False(done.IsOverdue(new DateOnly(2026, 2, 2)));
        Assert.Equal("ACTION_ITEM_ALREADY_DONE", Assert.Throws<RuleViolationException>(() => done.Complete(Samples.Local(2026, 2, 1),
            "p-ola")).Reason);
    }
}
