using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Notifications;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

public class ReminderTests
{
    [Fact]
    public async Task the_sweep_reminds_invitees_once_when_the_meeting_is_within_the_lead_time()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026,
            3, 10)), MeetingsFixture.Kari, default);
        await fixture.Feature<SendInvitations>().RunAsync(new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.Document.Id }, MeetingsFixture.Kari, default);
        await fixture.Feature<Rsvp>().RunAsync(new Proto.RsvpRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.Document.Id, PersonId = "p-ola", Answer = Proto.RsvpAnswer.Declined },
            MeetingsFixture.Kari with { PersonId = "p-ola" }, default);
        var sweep = new ReminderSweep(fixture.Database, fixture.Feature<SendReminder>(), new ConfigurationBuilder().Build(),
            NullLogger<ReminderSweep>.Instance);

        fixture.Clock.Now = Samples.Local(2026, 3, 7);
        Assert.Equal(0, await sweep.SweepAsync(default));
        fixture.Clock.Now = Samples.Local(2026, 3, 8, 12);
        Assert.Equal(1, await sweep.SweepAsync(default));
        Assert.Equal(0, await sweep.SweepAsync(default));

        var reminder = (await fixture.EventsAsync<InvitationIssued>()).Single(n => n.Purpose == "Reminder");
        Assert.Equal(["p-kari", "p-ingrid"], reminder.To.Select(r => r.PersonId));
        Assert.Equal("Secretariat", Assert.Single(reminder.Cc).Kind);
        Assert.Single(await fixture.EventsAsync<RsvpReceived>());
    }
}
