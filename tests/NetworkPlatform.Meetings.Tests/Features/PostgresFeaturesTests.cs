using NetworkPlatform.Events.Meetings;
using NetworkPlatform.Meetings.Domain;
using NetworkPlatform.Meetings.Features;
using NetworkPlatform.Meetings.Seed;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>The meetings use cases on the PostgreSQL adapter (a private server from Debian's postgresql package).</summary>
public class PostgresFeaturesTests
{
    [Fact]
    public async Task a_year_of_meetings_runs_on_postgresql_with_minutes_published_and_the_secretariat_copied()
    {
        await using var fixture = await MeetingsFixture.StartOnPostgresAsync(withSecretariatAddress: false);
        fixture.Clock.Now = Samples.Local(2026, 11, 23, 12);

        await DemoMeetings.SeedAsync(fixture.Context, MeetingsFixture.Network, default);

        var published = await fixture.EventsAsync<MinutesPublished>();
        Assert.Equal(4, published.Count);
        Assert.All(published, m => Assert.Contains(m.Cc, r => r.Kind == "Secretariat"));
        var startUp = (await fixture.Feature<ListMeetings>().RunAsync(new Proto.ListMeetingsRequest
        {
            NetworkId = MeetingsFixture.Network, GroupId = "g-digital", Kind = Proto.MeetingKind.StartUp,
        }, MeetingsFixture.Kari, default)).Meetings.Single();
        Assert.Equal("Elect the leader", startUp.Document.Agenda[0].Title);
        Assert.Equal(MinutesStatus.Published, startUp.Document.Minutes!.Status);
    }

    [Fact]
    public async Task a_stale_etag_is_refused_on_postgresql_too()
    {
        await using var fixture = await MeetingsFixture.StartOnPostgresAsync();
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026,
            3, 10)), MeetingsFixture.Kari, default);
        await fixture.Feature<CancelMeeting>().RunAsync(new Proto.CancelMeetingRequest { NetworkId = MeetingsFixture.Network,
            MeetingId = meeting.Document.Id, Reason = "Syk", Etag = meeting.ETag }, MeetingsFixture.Kari, default);

        var error = await UseCaseCalls.StatusOfAsync(() => fixture.Feature<CancelMeeting>().RunAsync(
            new Proto.CancelMeetingRequest { NetworkId = MeetingsFixture.Network, MeetingId = meeting.Document.Id, Reason = "Igjen",
                Etag = meeting.ETag }, MeetingsFixture.Kari, default));

        Assert.Equal(global::Grpc.Core.StatusCode.Aborted, error.StatusCode);
    }
}
