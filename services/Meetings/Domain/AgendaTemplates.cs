namespace NetworkPlatform.Meetings.Domain;

public sealed record AgendaTemplateItem(string Title, int DurationMinutes = 0, string Description = "");

/// <summary>The standard agendas of the working-group guide (seed 003), the default for every network.</summary>
public static class AgendaTemplates
{
    public static IReadOnlyDictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>> Defaults { get; } =
        new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>
        {
            [MeetingKind.StartUp] =
            [
                new("Elect the leader", 10, "Valg av leder"),
                new("Elect the budget responsible", 10, "Valg av budsjettansvarlig"),
                new("Staff the group", 15, "Bemanning av gruppa"),
                new("Annual wheel / plan for the group's activity", 30, "Årshjul/plan for aktiviteten i arbeidsgruppa"),
                new("Budget and plan for the group's funds", 20, "Budsjett/plan for disponering av arbeidsgruppas midler"),
            ],
            [MeetingKind.Interim] =
            [
                new("Follow up measures", 30, "Oppfølging av tiltak"),
                new("Applications to the partner fund (Partnerpotten)", 15, "Søknader til Partnerpotten"),
                new("Matters for the partner meeting", 15, "Saker til Partnermøte"),
                new("Matters for the group-leader meeting", 10, "Saker til Gruppeledermøte"),
            ],
            [MeetingKind.Reporting] =
            [
                new("Report on the base grant and the measures", 30, "Rapportering på grunnbevilgning og tiltak"),
                new("The group's accounts", 20, "Regnskap for arbeidsgruppa"),
                new("Input to next year's budget and plans", 20, "Innspill til budsjett og planer for neste år"),
            ],
        };

    public const string CarryOverTitle = "Follow up open action items";
}
