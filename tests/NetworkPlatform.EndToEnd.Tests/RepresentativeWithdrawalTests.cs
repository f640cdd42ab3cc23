using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Membership.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 5: withdrawing a representative on the membership service removes them from their groups on the groups
/// service: membership's outbox, RabbitMQ, groups' inbox handler, each service its own process and database.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class RepresentativeWithdrawalTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task withdrawing_a_representative_on_membership_removes_them_from_their_groups_and_flags_the_missing_leader()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ingrid = await network.ActiveRepresentativeAsync("Fjordvik kommune", "Ingrid Haugen", "ingrid@fjordvik.example");
        var marte = await network.ActiveRepresentativeAsync("Aasen skole", "Marte Aasen", "marte@aasen.example");
        var active = await network.ActiveWorkingGroupAsync("wg-digital", "Arbeidsgruppe digital mobbing", ingrid.PersonId);
        await network.AssignAsync("wg-digital", marte.PersonId, Role.Member);
        await network.MandatedWorkingGroupAsync("wg-foreldre", "Arbeidsgruppe foreldresamarbeid");
        await network.AssignAsync("wg-foreldre", ingrid.PersonId, Role.Member);
        Assert.DoesNotContain(GroupFlag.LeaderMissing, active.Flags);

        await network.Representatives.WithdrawRepresentativeAsync(new WithdrawRepresentativeRequest
        {
            NetworkId = network.Id, RepresentativeId = ingrid.Id, Reason = "Sluttet i kommunen",
        }, network.Secretariat, TestNetwork.Soon);

        var digital = await Eventually.UntilAsync(() => network.GetGroupAsync("wg-digital"), g => g.Participants.All(p => p.PersonId != ingrid.PersonId), EventTimeout);
        var parents = await Eventually.UntilAsync(() => network.GetGroupAsync("wg-foreldre"), g => g.Participants.Count == 0, EventTimeout);
        Assert.True(digital.Participants.All(p => p.PersonId != ingrid.PersonId), $"Ingrid is still in wg-digital.\n{platform.Logs()}");
        Assert.Equal([marte.PersonId], digital.Participants.Select(p => p.PersonId));
        Assert.Contains(GroupFlag.LeaderMissing, digital.Flags);
        Assert.Empty(parents.Participants);
    }
}
