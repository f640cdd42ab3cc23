using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Consumers;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>
/// What the service writes for people (titles, agendas, invitations, minutes and their mail) is in the network's language.
/// </summary>
public class LanguageTests
{
    [Theory]
    [InlineData("nb", "Oppstartsmøte: Digital mobbing", "Valg av leder", "Innkalling:", "Når:", "# Referat:", "## Oppmøte")]
    [InlineData("nn", "Oppstartsmøte: Digital mobbing", "Val av leiar", "Innkalling:", "Når:", "# Referat:", "## Oppmøte")]
    [InlineData("da", "Opstartsmøde: Digital mobbing", "Valg af leder", "Indkaldelse:", "Hvornår:", "# Referat:", "## Fremmøde")]
    [InlineData("sv", "Uppstartsmöte: Digital mobbing", "Val av ordförande", "Kallelse:", "När:", "# Protokoll:", "## Närvaro")]
    [InlineData("en", "Start-up meeting: Digital mobbing", "Elect the leader", "Invitation:", "When:", "# Minutes:", "## Attendance")]
    [InlineData("nb-NO", "Oppstartsmøte: Digital mobbing", "Valg av leder", "Innkalling:", "Når:", "# Referat:", "## Oppmøte")]
    [InlineData("fi", "Start-up meeting: Digital mobbing", "Elect the leader", "Invitation:", "When:", "# Minutes:", "## Attendance")]
    public async Task a_networks_meetings_are_written_in_its_first_language(string language, string title, string firstAgendaItem,
        string subject, string when, string minutesHeading, string attendanceHeading)
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        fixture.Languages.Languages = [language, "en"];
        var request = Requests.Schedule(Proto.MeetingKind.StartUp, Samples.Local(2026, 1, 20));

        var meeting = (await fixture.Feature<ScheduleMeeting>().RunAsync(request, MeetingsFixture.Kari, default)).Document;
        await fixture.Feature<SendInvitations>().RunAsync(new Proto.SendInvitationsRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.Id }, MeetingsFixture.Kari, default);
        fixture.Clock.Now = Samples.Local(2026, 1, 20, 12);
        await fixture.Feature<RecordAttendance>().RunAsync(new Proto.RecordAttendanceRequest
        {
            NetworkId = MeetingsFixture.Network, MeetingId = meeting.Id,
            Entries = { new Proto.AttendanceEntry { PersonId = "p-kari", Status = Proto.AttendanceStatus.Present } },
        }, MeetingsFixture.Kari, default);
        var drafted = await fixture.Feature<GenerateMinutesDraft>().RunAsync(new Proto.GenerateMinutesDraftRequest
            { NetworkId = MeetingsFixture.Network, MeetingId = meeting.Id }, MeetingsFixture.Kari, default);

        Assert.Equal(title, meeting.Title);
        Assert.Equal(firstAgendaItem, meeting.Agenda[0].Title);
        var invitation = Assert.Single(await fixture.EventsAsync<InvitationIssued>());
        Assert.StartsWith($"{subject} {title}", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains($"\n{when} 2026-01-20", invitation.Body, StringComparison.Ordinal);
        Assert.StartsWith($"{minutesHeading} {title}", drafted.Document.Minutes!.Text, StringComparison.Ordinal);
        Assert.Contains(attendanceHeading, drafted.Document.Minutes.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_published_minutes_mail_is_titled_in_the_networks_language()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        fixture.Languages.Languages = ["da"];
        var published = new MinutesPublished(Guid.NewGuid(), fixture.Clock.Now, MeetingsFixture.Network, "m-1", 3, "m-1", "g-digital",
            "StartUp", "Opstartsmøde", fixture.Clock.Now, "# Referat", [], [], []);
        var sender = new CapturingSender();

        await using (var unitOfWork = await fixture.Store.BeginAsync())
        {
            await new DeliverNotices(sender, fixture.Languages).HandleAsync(published, unitOfWork, default);
        }

        Assert.Equal("Referat: Opstartsmøde", Assert.Single(sender.Sent).Subject);
    }
}
