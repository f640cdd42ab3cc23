using NetworkPlatform.Events.Groups;
using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Events.Membership;
using NetworkPlatform.Meetings.Consumers;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Storage;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

public class ConsumerTests
{
    private const string Network = MeetingsFixture.Network;

    [Fact]
    public async Task a_dissolved_group_has_its_upcoming_meetings_cancelled_and_invitees_told()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var schedule = fixture.Feature<ScheduleMeeting>();
        var upcoming = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 10)),
            MeetingsFixture.Secretariat, default);
        await fixture.Feature<SendInvitations>().RunAsync(new Proto.SendInvitationsRequest { NetworkId = Network,
            MeetingId = upcoming.Document.Id }, MeetingsFixture.Secretariat, default);
        var other = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 10), groupId: "g-skole"),
            MeetingsFixture.Secretariat, default);

        await using (var unitOfWork = await fixture.Store.BeginAsync())
        {
            await new CancelMeetingsOfEndedGroups(fixture.Context).HandleAsync(
                new GroupDissolved(Guid.NewGuid(), fixture.Clock.Now, Network, "g-digital", 7, "g-digital", "Merged into g-skole",
                    "u-secretariat", "PM 2026-02"), unitOfWork, default);
            await unitOfWork.CommitAsync();
        }

        Assert.Equal(MeetingStatus.Cancelled, (await fixture.Database.GetMeetingAsync(Network, upcoming.Document.Id,
            default)).Document.Status);
        Assert.Equal(MeetingStatus.Planned, (await fixture.Database.GetMeetingAsync(Network, other.Document.Id, default)).Document.Status);
        var cancelled = Assert.Single(await fixture.EventsAsync<MeetingCancelled>());
        Assert.Equal((upcoming.Document.Id, "g-digital"), (cancelled.MeetingId, cancelled.GroupId));
        Assert.Contains("Merged into g-skole", cancelled.Reason, StringComparison.Ordinal);
        var cancellation = (await fixture.EventsAsync<InvitationIssued>()).Last();
        Assert.Equal("Cancellation", cancellation.Purpose);
        Assert.Equal("CANCEL", StrictIcsParser.Parse(cancellation.IcsContent).Single("METHOD").Value);
    }

    [Fact]
    public async Task invitations_of_upcoming_meetings_follow_the_groups_participants()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.InvitedMeetingAsync();
        var handler = new FollowGroupParticipants(fixture.Context);
        var group = fixture.Groups.Groups["g-digital"];
        fixture.Groups.Groups["g-digital"] = group with { Participants = [.. group.Participants.Where(p => p.PersonId != "p-ola"),
            new("p-nils", "Nils Dahl", "nils@rbup.no", "member")] };

        await using (var unitOfWork = await fixture.Store.BeginAsync())
        {
            await handler.HandleAsync(new ParticipantJoined(Guid.NewGuid(), fixture.Clock.Now, Network, "g-digital", 8, "g-digital",
                "p-nils", "o-rbup", true), unitOfWork, default);
            await handler.HandleAsync(new ParticipantLeft(Guid.NewGuid(), fixture.Clock.Now, Network, "g-digital", 9, "g-digital",
                "p-ola", "o-udir", "Left"), unitOfWork, default);
            await unitOfWork.CommitAsync();
        }

        var invited = (await fixture.Database.GetMeetingAsync(Network, meeting.Document.Id,
            default)).Document.Invitations.Select(i => i.Recipient.Key);
        Assert.Equal(["person:p-kari", "person:p-ingrid", "person:p-nils", "secretariat"], invited);
        var notices = (await fixture.EventsAsync<InvitationIssued>()).Skip(1).ToList();
        Assert.Equal([("Invitation", "p-nils"), ("Cancellation", "p-ola")], notices.Select(n => (n.Purpose,
            Assert.Single(n.To).PersonId!)));
        Assert.All(notices, n => Assert.Equal("Secretariat", Assert.Single(n.Cc).Kind));
    }

    [Fact]
    public async Task an_erased_person_stays_invited_as_former_participant_without_address_and_the_outbox_forgets_them()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.InvitedMeetingAsync();
        var handler = new PersonErasedHandler(fixture.Context);
        async Task<Versioned<Meeting>> EraseOlaAsync()
        {
            await using (var unitOfWork = await fixture.Store.BeginAsync())
            {
                await handler.HandleAsync(new PersonErased(Guid.NewGuid(), fixture.Clock.Now, Network, "p-ola", 3, "p-ola", "u-secretariat",
                    "Left"), unitOfWork, default);
                await unitOfWork.CommitAsync();
            }
            return await fixture.Database.GetMeetingAsync(Network, meeting.Document.Id, default);
        }

        var invited = await fixture.Database.GetMeetingAsync(Network, meeting.Document.Id, default);
        var once = await EraseOlaAsync();
        var twice = await EraseOlaAsync();

        var invitations = once.Document.Invitations;
        Assert.Equal(invited.Document.Invitations.Count, invitations.Count);
        var ola = invitations.Single(i => i.Recipient.PersonId == "p-ola").Recipient;
        Assert.Equal((PersonErased.FormerParticipant, ""), (ola.Name, ola.Email));
        Assert.Contains(invitations, i => i.Recipient.Name == "Kari Nordmann");
        Assert.Equal(once.Version, twice.Version);
        var notice = Assert.Single(await fixture.EventsAsync<InvitationIssued>());
        Assert.Contains(notice.To, r => r.PersonId == "p-ola" && r.Name == PersonErased.FormerParticipant);
        Assert.DoesNotContain("Ola Hansen", notice.Body, StringComparison.Ordinal);
    }
}
