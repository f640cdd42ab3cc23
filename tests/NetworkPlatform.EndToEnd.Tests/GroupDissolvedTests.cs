using NetworkPlatform.EndToEnd.Tests.Support;
using NetworkPlatform.Groups.V1;
using NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 6: "GroupConcluded / Dissolved: future meetings are cancelled." The secretariat dissolves a group on the groups
/// service; its GroupDissolved goes through groups' outbox and RabbitMQ to the meetings service's inbox handler, which
/// cancels the group's upcoming meeting (its invitees get a CANCEL by mail, the secretariat copied) and leaves the
/// meeting already held alone.
/// </summary>
[Collection(DistributedPlatformCollection.Name)]
public sealed class GroupDissolvedTests(DistributedPlatform platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(30);

    [Fact(Timeout = 120_000)]
    public async Task dissolving_a_group_cancels_its_upcoming_meeting_mails_the_cancellation_and_leaves_the_held_meeting_alone()
    {
        var network = new TestNetwork(platform);
        await network.CreateAsync();
        var ola = await network.ActiveRepresentativeAsync("Nordvik kommune", "Ola Nordvik", "ola@nordvik.example");
        await network.MandatedWorkingGroupAsync("wg-skolemiljo", "Arbeidsgruppe skolemiljø");
        await network.AssignAsync("wg-skolemiljo", ola.PersonId, Groups.V1.Role.Member);
        await network.SetSecretariatAddressAsync();
        var upcoming = await network.ScheduleAndInviteAsync("wg-skolemiljo", MeetingKind.Interim, "Underveismøte", DateTimeOffset.UtcNow.AddDays(14));
        var held = await network.ScheduleAndInviteAsync("wg-skolemiljo", MeetingKind.StartUp, "Oppstartsmøte", DateTimeOffset.UtcNow.AddHours(-1));
        await network.RecordPresentAsync(held.MeetingId, ola);

        await network.Groups.DissolveGroupAsync(new DissolveGroupRequest
        {
            NetworkId = network.Id, GroupId = "wg-skolemiljo", Reason = "Slått sammen med skolegruppa", DecisionReference = "Partnermøtet sak 12/26",
        }, network.Secretariat, TestNetwork.Soon);

        var cancelled = await Eventually.UntilAsync(() => network.GetMeetingAsync(upcoming.MeetingId), m => m.Status == MeetingStatus.Cancelled, EventTimeout);
        Assert.True(cancelled.Status == MeetingStatus.Cancelled, $"The upcoming meeting is {cancelled.Status} {EventTimeout} after the group was dissolved.\n{platform.Logs()}");
        Assert.Contains("Slått sammen med skolegruppa", cancelled.CancellationReason, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Held, (await network.GetMeetingAsync(held.MeetingId)).Status);

        // The CANCEL leaves as an InvitationIssued event, which the meetings service's notice handler takes off the broker and mails.
        var mails = await Eventually.UntilAsync(platform.Mail.ReceivedAsync, all => all.Any(IsCancellationToOla), EventTimeout);
        Assert.True(mails.Any(IsCancellationToOla), $"No cancellation reached ola@nordvik.example by mail.\n{platform.Logs()}");
        var mail = mails.Single(IsCancellationToOla);
        Assert.Equal(["Sekretariatet <post@partnerskap.example>"], mail.GetProperty("cc").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("Slått sammen med skolegruppa", mail.GetProperty("body").GetString(), StringComparison.Ordinal);
        var calendar = Assert.Single(mail.GetProperty("attachments").EnumerateArray());
        Assert.Equal("CANCEL", calendar.GetProperty("method").GetString());
    }

    // The network works in Norwegian (nb): the cancellation is written in it.
    private static bool IsCancellationToOla(System.Text.Json.JsonElement mail) =>
        mail.GetProperty("subject").GetString()!.StartsWith("Avlyst:", StringComparison.Ordinal)
        && mail.GetProperty("rcpt_tos").EnumerateArray().Any(a => a.GetString() == "ola@nordvik.example");
}
