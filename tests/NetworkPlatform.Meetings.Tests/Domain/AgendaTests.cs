using NetworkPlatform.Application.Failures;
using NetworkPlatform.Meetings.Domain;

namespace NetworkPlatform.Meetings.Tests;

public class AgendaTests
{
    [Fact]
    public void scheduling_a_startup_meeting_adds_the_standard_agenda()
    {
        var meeting = Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20));

        Assert.Equal(
            ["Elect the leader", "Elect the budget responsible", "Staff the group", "Annual wheel / plan for the group's activity",
                "Budget and plan for the group's funds"],
            meeting.Agenda.Select(a => a.Title));
        Assert.All(meeting.Agenda, a => Assert.True(a.DurationMinutes > 0));
    }

    [Fact]
    public void interim_and_reporting_meetings_get_their_standard_agendas()
    {
        var interim = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10));
        var reporting = Samples.Schedule(MeetingKind.Reporting, Samples.Local(2026, 11, 20));

        Assert.Equal(["Follow up measures", "Applications to the partner fund", "Matters for the partner meeting",
            "Matters for the group-leader meeting"],
            interim.Agenda.Select(a => a.Title));
        Assert.Equal(["Report on the base grant and the measures", "The group's accounts", "Input to next year's budget and plans"],
            reporting.Agenda.Select(a => a.Title));
    }

    [Fact]
    public void a_network_can_configure_its_own_template_for_a_kind_and_keeps_the_standard_ones_in_its_language()
    {
        var settings = NetworkSettings.Default("n-1").Update(
            agendaTemplates: new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>
            {
                [MeetingKind.Workshop] = [new("Idea round", 45)],
                [MeetingKind.Interim] = [],
            });

        Assert.Equal(["Idea round"], settings.TemplateFor(MeetingKind.Workshop, MeetingTexts.Bokmal).Select(t => t.Title));
        Assert.Equal("Valg av leder", settings.TemplateFor(MeetingKind.StartUp, MeetingTexts.Bokmal)[0].Title);
        Assert.Equal("Valg af leder", settings.TemplateFor(MeetingKind.StartUp, MeetingTexts.Danish)[0].Title);
        Assert.Empty(settings.TemplateFor(MeetingKind.Interim, MeetingTexts.Bokmal));
        Assert.Empty(settings.TemplateFor(MeetingKind.Other, MeetingTexts.Bokmal));
        Assert.Equal([MeetingKind.StartUp, MeetingKind.Interim, MeetingKind.Reporting, MeetingKind.Workshop],
            settings.AgendasIn(MeetingTexts.English).Keys.Order());
    }

    [Fact]
    public void open_action_items_carry_over_to_the_next_meeting_of_the_group()
    {
        var open = ActionItem.AgreeAt(Samples.Schedule(MeetingKind.StartUp, Samples.Local(2026, 1, 20)), "act-1", "Draft the annual wheel",
            "p-ola", "Ola Hansen", new DateOnly(2026, 2, 15), Samples.Local(2026, 1, 20));

        var meeting = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10), openActionItems: [open]);

        Assert.Equal(["act-1"], meeting.CarriedOverActionItemIds);
        var followUp = meeting.Agenda[^1];
        Assert.Equal(MeetingTexts.English.CarryOverTitle, followUp.Title);
        Assert.Contains("Draft the annual wheel (Ola Hansen, due 2026-02-15)", followUp.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void agenda_items_can_be_added_timed_linked_to_measures_and_reordered()
    {
        var meeting = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10));
        var added = meeting.AddAgendaItem(new AgendaItem { Id = "agi-x", Title = "Status of the school survey" }, 0)
            .UpdateAgendaItem("agi-x", item => item with { DurationMinutes = 25, MeasureIds = ["tiltak-3"] });

        Assert.Equal("agi-x", added.Agenda[0].Id);
        Assert.Equal(25, added.Agenda[0].DurationMinutes);
        Assert.Equal(["tiltak-3"], added.Agenda[0].MeasureIds);

        var reversed = added.Agenda.Select(a => a.Id).Reverse().ToList();
        Assert.Equal(reversed, added.ReorderAgenda(reversed).Agenda.Select(a => a.Id));
    }

    [Fact]
    public void reordering_must_name_every_item_once()
    {
        var meeting = Samples.Schedule(MeetingKind.Interim, Samples.Local(2026, 3, 10));
        var ids = meeting.Agenda.Select(a => a.Id).ToList();

        var error = Assert.Throws<RuleViolationException>(() => meeting.ReorderAgenda([ids[1], ids[0]]));
        Assert.Equal("AGENDA_ORDER_INCOMPLETE", error.Reason);
        Assert.Throws<RuleViolationException>(() => meeting.ReorderAgenda([ids[0], ids[0], ids[1], ids[2]]));
    }
}
