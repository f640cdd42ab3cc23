using NetworkPlatform.Application.PersonalData;
using NetworkPlatform.Application.Pipeline;
using NetworkPlatform.Meetings.Features;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>Issue 24 item 4: invitees' addresses shown to the secretariat or a group leader are recorded, one record per call.</summary>
public class ContactReadsTests
{
    private const string Network = MeetingsFixture.Network;

    [Fact]
    public async Task the_secretariats_reads_of_invitees_addresses_are_in_the_invitees_export_and_nobody_elses_reads_are()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.InvitedMeetingAsync();

        await fixture.Feature<GetMeeting>().RunAsync(new GetMeetingQuery(Network, meeting.Document.Id), MeetingsFixture.Secretariat,
            default);
        var export = await fixture.Feature<ExportPersonalData>().RunAsync(new ExportPersonalDataQuery(Network, "p-ola"),
            MeetingsFixture.Secretariat, default);
        // p-ingrid has no address: nothing of hers was shown.
        var ingrids = await fixture.Feature<ExportPersonalData>().RunAsync(new ExportPersonalDataQuery(Network, "p-ingrid"),
            MeetingsFixture.Secretariat, default);

        var read = Assert.Single(export.Records, r => r.Kind == "contact_details_read");
        Assert.Equal(("u-secretariat", "GetMeeting"), (((ContactDetailsReadBy)read.Data).ReadBy, ((ContactDetailsReadBy)read.Data).Via));
        Assert.DoesNotContain(ingrids.Records, r => r.Kind == "contact_details_read");
    }
}
