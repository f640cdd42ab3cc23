using NetworkPlatform.Groups.Domain;
using NetworkPlatform.Groups.Seed;
using NetworkPlatform.Groups.Storage;
using NetworkPlatform.Groups.Tests.Support;
using NetworkPlatform.Storage;

namespace NetworkPlatform.Groups.Tests.Seed;

public sealed class DemoGroupsTests(SqliteStore fixture) : IClassFixture<SqliteStore>
{
    private static async Task<List<Group>> GroupsOfAsync(GroupsHarness harness, string network) =>
        await harness.Store.ReadAllAsync(GroupsCollections.Groups, network, GroupsCollections.Groups.Query(), default);

    [Fact]
    public async Task the_partnerships_working_groups_are_active_staffed_and_each_own_two_measures()
    {
        var harness = await fixture.OpenAsync();

        await DemoGroups.SeedAsync(harness.Store, harness.Clock, default);

        var groups = await GroupsOfAsync(harness, DemoGroups.Partnership);
        var workingGroups = groups.Where(g => g.Details.Kind == GroupKind.WorkingGroup).ToList();
        Assert.Equal(2, workingGroups.Count);
        Assert.All(workingGroups, g => Assert.Equal(GroupState.Active, g.State));
        Assert.All(workingGroups, g => Assert.Empty(g.Flags));
        var measures = await harness.Store.ReadAllAsync(GroupsCollections.Measures, DemoGroups.Partnership,
            GroupsCollections.Measures.Query(), default);
        var report = MeasurePolicy.Default(DemoGroups.Partnership).Report(harness.Clock.GetUtcNow().Year, groups, measures);
        Assert.True(report.Compliant);
        var expert = workingGroups.Single(g => g.Id == "ag-digital-mobbing").Participants.Single(p
            => p.Roles.Contains(GroupRole.InvitedExpert));
        Assert.False(expert.RepresentsMember);
    }

    [Fact]
    public async Task the_hph_networks_get_a_national_thematic_group_and_a_multi_year_international_task_force()
    {
        var harness = await fixture.OpenAsync();

        await DemoGroups.SeedAsync(harness.Store, harness.Clock, default);

        var thematic = Assert.Single(await GroupsOfAsync(harness, DemoGroups.NationalHph), g => g.Details.Kind == GroupKind.ThematicGroup);
        Assert.Equal(GroupState.Active, thematic.State);
        Assert.Equal(DemoPeople.PersonId(DemoGroups.NationalHph, "Hanne Sørli"), thematic.Leader!.PersonId);
        var taskForce = Assert.Single(await GroupsOfAsync(harness, DemoGroups.InternationalHph), g => g.Id == DemoGroups.TaskForce);
        Assert.Equal(GroupState.Mandated, taskForce.State);
        Assert.Equal([GroupFlag.LeaderMissing], taskForce.Flags);
        Assert.True(taskForce.CurrentMandate!.Terms.EndDate!.Value.Year > taskForce.CurrentMandate.Terms.StartDate!.Value.Year + 1);
    }

    [Fact]
    public async Task seeding_twice_changes_nothing()
    {
        var harness = await fixture.OpenAsync();
        await DemoGroups.SeedAsync(harness.Store, harness.Clock, default);
        var before = await harness.PendingEventsAsync();

        await DemoGroups.SeedAsync(harness.Store, harness.Clock, default);

        Assert.Equal(before.Count, (await harness.PendingEventsAsync()).Count);
    }

    [Fact]
    public void demo_ids_have_membership_s_shape_and_differ_per_network()
    {
        var id = DemoPeople.PersonId(DemoGroups.Partnership, "Ingrid Haugen");

        Assert.Matches("^per-[0-9a-f]{16}$", id);
        Assert.NotEqual(id, DemoPeople.PersonId(DemoGroups.NationalHph, "Ingrid Haugen"));
        Assert.Matches("^org-[0-9a-f]{16}$", DemoPeople.OrganisationId(DemoGroups.Partnership, "Fjordvik kommune"));
    }
}
