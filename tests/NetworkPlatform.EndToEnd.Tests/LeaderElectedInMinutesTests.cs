using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 6: publishing minutes with a "leader elected" decision on the meetings service makes that person the group's
/// leader on the groups service. The elected person is not in the group yet, so the groups service's event handler
/// asks membership about them as itself (its service identity); the new leader then joins the group's upcoming
/// meeting, which the meetings service's handler arranges by reading the group as itself.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class LeaderElectedInMinutesTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task publishing_minutes_that_elect_a_leader_makes_them_the_groups_leader_and_invites_them_to_its_next_meeting()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", "Ingrid Haugen", "ingrid@fjordvik.example");
        var marte = await network.ActiveRepresentativeAsync("Aasen skole", "Marte Aasen", "marte@aasen.example");
        await network.MandatedWorkingGroupAsync("wg-digital", "Arbeidsgruppe digital mobbing");
        await network.AssignAsync("wg-digital", ingrid.PersonId, Groups.V1.Role.Member);
        await network.SetSecretariatAddressAsync();
        var next = await network.ScheduleAndInviteAsync("wg-digital", MeetingKind.Interim, "Underveismøte", DateTimeOffset.UtcNow.AddDays(30));

        // The start-up meeting, begun an hour ago: attendance, the election, minutes drafted, approved and published.
        var startUp = await network.ScheduleAndInviteAsync("wg-digital", MeetingKind.StartUp, "Oppstartsmøte", DateTimeOffset.UtcNow.AddHours(-1));
        await network.RecordPresentAsync(startUp.MeetingId, ingrid);
        await network.Meetings.RecordDecisionAsync(new RecordDecisionRequest
        {
            NetworkId = network.Id,
            MeetingId = startUp.MeetingId,
            Decision = new Decision { Kind = DecisionKind.LeaderElected, PersonId = marte.PersonId, Text = "Marte Aasen er valgt til leder.", AgendaItemId = startUp.Agenda[0].ItemId },
        }, network.Secretariat, TestNetwork.Soon);
        await network.Meetings.GenerateMinutesDraftAsync(new GenerateMinutesDraftRequest { NetworkId = network.Id, MeetingId = startUp.MeetingId }, network.Secretariat, TestNetwork.Soon);
        await network.Meetings.ApproveMinutesAsync(new ApproveMinutesRequest { NetworkId = network.Id, MeetingId = startUp.MeetingId }, network.Secretariat, TestNetwork.Soon);
        await network.Meetings.PublishMinutesAsync(new PublishMinutesRequest { NetworkId = network.Id, MeetingId = startUp.MeetingId }, network.Secretariat, TestNetwork.Soon);

        var group = await Eventually.UntilAsync(() => network.GetGroupAsync("wg-digital"), g => Leader(g) is not null, EventTimeout);
        Assert.True(Leader(group) is not null, $"The group has no leader {EventTimeout} after the minutes were published.\n{platform.Logs()}");
        var leader = Leader(group)!;
        Assert.Equal((marte.PersonId, marte.OrganisationId, "Marte Aasen", "Aasen skole"), (leader.PersonId, leader.OrganisationId, leader.DisplayName, leader.OrganisationName));
        Assert.DoesNotContain(GroupFlag.LeaderMissing, group.Flags);

        var upcoming = await Eventually.UntilAsync(
            () => network.GetMeetingAsync(next.MeetingId), m => m.Invitations.Any(i => i.Recipient.PersonId == marte.PersonId), EventTimeout);
        Assert.True(upcoming.Invitations.Any(i => i.Recipient.PersonId == marte.PersonId), $"The new leader was not invited to the group's next meeting.\n{platform.Logs()}");
        Assert.Contains(upcoming.Invitations, i => i.Recipient.PersonId == ingrid.PersonId);
    }

    private static Participant? Leader(Group group) => group.Participants.FirstOrDefault(p => p.Roles.Contains(Groups.V1.Role.Leader));
}
