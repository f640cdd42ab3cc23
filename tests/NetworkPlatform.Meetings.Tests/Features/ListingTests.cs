using NetworkPlatform.Hosting.Errors;
using Google.Protobuf.WellKnownTypes;
using NetworkPlatform.Meetings.Features;
using Proto = NetworkPlatform.Meetings.V1;

namespace NetworkPlatform.Meetings.Tests;

/// <summary>Lists come in keyset pages of one indexed query each; feeds cover a window.</summary>
public class ListingTests
{
    private const string Network = MeetingsFixture.Network;

    [Fact]
    public async Task meetings_scheduled_between_pages_shift_no_later_page_and_the_filters_still_apply()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var schedule = fixture.Feature<ScheduleMeeting>();
        for (var day = 0; day < 12; day++)
        {
            await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 2 + day),
                groupId: day % 3 == 0 ? "g-skole" : "g-digital"),
                MeetingsFixture.Secretariat, default);
        }
        var seen = new List<(DateTimeOffset Start, string Id)>();
        var token = "";
        do
        {
            var (page, next) = await fixture.Feature<ListMeetings>().RunAsync(new Proto.ListMeetingsRequest
            {
                NetworkId = Network, GroupId = "g-digital", PageSize = 3, PageToken = token,
                    EndTime = Timestamp.FromDateTimeOffset(Samples.Local(2026, 4, 1)),
            }, MeetingsFixture.Kari, default);
            seen.AddRange(page.Select(m => (m.Document.Start, m.Document.Id)));
            token = next;
            // One scheduled before the cursor (an offset would show a meeting twice), one in another group, one after the range.
            await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 1)),
                MeetingsFixture.Secretariat, default);
            await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 3, 20), groupId: "g-skole"),
                MeetingsFixture.Secretariat, default);
            await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, Samples.Local(2026, 4, 2)),
                MeetingsFixture.Secretariat, default);
        }
        while (token.Length > 0);

        Assert.Equal(8, seen.Count);
        Assert.Equal(seen.OrderBy(s => s.Start).ThenBy(s => s.Id, StringComparer.Ordinal), seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task a_page_token_of_the_former_offset_paging_is_refused_with_a_field_violation()
    {
        await using var fixture = await MeetingsFixture.StartAsync();

        var meetings = await UseCaseCalls.StatusOfAsync(() => fixture.Feature<ListMeetings>().RunAsync(
            new Proto.ListMeetingsRequest { NetworkId = Network, PageToken = "50" }, MeetingsFixture.Kari, default));
        var items = await UseCaseCalls.StatusOfAsync(() => fixture.Feature<ListActionItems>().RunAsync(
            new Proto.ListActionItemsRequest { NetworkId = Network, PageToken = "50" }, MeetingsFixture.Kari, default));

        Assert.All([meetings, items], error =>
        {
            Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, error.StatusCode);
            Assert.Equal("page_token", Assert.Single(error.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
        });
    }

    [Fact]
    public async Task action_items_page_by_due_date_with_the_filters_combined()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var meeting = await fixture.Feature<ScheduleMeeting>().RunAsync(Requests.Schedule(Proto.MeetingKind.Interim,
            Samples.Local(2026, 1, 5, 8)), MeetingsFixture.Secretariat, default);
        var create = fixture.Feature<CreateActionItem>();
        foreach (var (title, owner, due) in new[] { ("c", "p-kari", "2026-03-01"), ("a", "p-ola", "2026-02-01"), ("b", "p-kari",
            "2026-02-15"), ("d", "p-kari", "2026-01-20") })
        {
            await create.RunAsync(new Proto.CreateActionItemRequest
            {
                NetworkId = Network, MeetingId = meeting.Document.Id,
                ActionItem = new Proto.ActionItem { Title = title, OwnerPersonId = owner, DueDate = due },
            }, MeetingsFixture.Secretariat, default);
        }
        var done = await fixture.Feature<ListActionItems>().RunAsync(new Proto.ListActionItemsRequest { NetworkId = Network,
            OwnerPersonId = "p-kari" }, MeetingsFixture.Kari, default);
        await fixture.Feature<CompleteActionItem>().RunAsync(
            new Proto.CompleteActionItemRequest { NetworkId = Network, ActionItemId = done.Items[0].Document.Id },
                MeetingsFixture.Secretariat, default);

        var (first, next) = await fixture.Feature<ListActionItems>().RunAsync(
            new Proto.ListActionItemsRequest { NetworkId = Network, OwnerPersonId = "p-kari", OpenOnly = true, PageSize = 1 },
                MeetingsFixture.Kari, default);
        var (second, last) = await fixture.Feature<ListActionItems>().RunAsync(
            new Proto.ListActionItemsRequest { NetworkId = Network, OwnerPersonId = "p-kari", OpenOnly = true, PageSize = 1,
                PageToken = next }, MeetingsFixture.Kari, default);

        Assert.Equal(["d", "b", "c"], done.Items.Select(i => i.Document.Title));
        Assert.Equal(["b", "c"], [.. first.Concat(second).Select(i => i.Document.Title)]);
        Assert.Equal("", last);
    }

    [Fact]
    public async Task a_feed_covers_the_last_and_the_next_twelve_months_unless_a_range_is_given()
    {
        await using var fixture = await MeetingsFixture.StartAsync();
        var schedule = fixture.Feature<ScheduleMeeting>();
        var now = fixture.Clock.Now;
        var old = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, now.AddMonths(-13)),
            MeetingsFixture.Secretariat, default);
        var recent = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, now.AddMonths(-11)),
            MeetingsFixture.Secretariat, default);
        var far = await schedule.RunAsync(Requests.Schedule(Proto.MeetingKind.Interim, now.AddMonths(13)), MeetingsFixture.Secretariat,
            default);
        var feeds = new GetCalendarFeed(fixture.Context, new ListCalendarEntries(fixture.Context));

        var byDefault = (await feeds.RunAsync(new Proto.GetCalendarFeedRequest { NetworkId = Network, GroupId = "g-digital" },
            MeetingsFixture.Kari, default)).Content;
        var ranged = (await feeds.RunAsync(new Proto.GetCalendarFeedRequest
        {
            NetworkId = Network, GroupId = "g-digital", StartTime = Timestamp.FromDateTimeOffset(now.AddMonths(-14)),
                EndTime = Timestamp.FromDateTimeOffset(now.AddMonths(14)),
        }, MeetingsFixture.Kari, default)).Content;
        var tooLong = await UseCaseCalls.StatusOfAsync(() => feeds.RunAsync(new Proto.GetCalendarFeedRequest
        {
            NetworkId = Network, StartTime = Timestamp.FromDateTimeOffset(now.AddYears(-2)),
                EndTime = Timestamp.FromDateTimeOffset(now.AddYears(2)),
        }, MeetingsFixture.Kari, default));

        Assert.Equal([false, true, false], [.. new[] { old, recent, far }.Select(m => byDefault.Contains(m.Document.Id,
            StringComparison.Ordinal))]);
        Assert.All(new[] { old, recent, far }, m => Assert.Contains(m.Document.Id, ranged, StringComparison.Ordinal));
        Assert.Equal(global::Grpc.Core.StatusCode.InvalidArgument, tooLong.StatusCode);
    }
}
