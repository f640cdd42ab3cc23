namespace NetworkPlatform.Meetings.Domain;

/// <summary>
/// Every text the meetings service writes for people (minutes drafts, invitations and their subjects, default titles and
/// agendas), in one of the languages networks work in: the first of the network's languages that is here, else English.
/// The Norwegian terms are the working-group guide's (seed 003).
/// </summary>
public sealed record MeetingTexts(
    string Language,
    IReadOnlyDictionary<MeetingKind, string> KindNames,
    string Minutes,
    string Attendance,
    IReadOnlyDictionary<AttendanceStatus, string> AttendanceNames,
    string None,
    string Quorum,
    string QuorumReached,
    string QuorumNotReached,
    string PresentRequired,
    string Agenda,
    string Decision,
    string OtherDecisions,
    string EarlierActionItems,
    string ActionItems,
    string Due,
    string Invitation,
    string Changed,
    string Cancelled,
    string Reminder,
    string Moved,
    string MeetingCancelled,
    string When,
    string Where,
    string Video,
    string Deadline,
    string PartnerCalendar,
    string CarryOverTitle,
    IReadOnlyDictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>> StandardAgendas)
{
    public static MeetingTexts English { get; } = new(
        "en",
        new Dictionary<MeetingKind, string>
        {
            [MeetingKind.StartUp] = "Start-up meeting", [MeetingKind.Interim] = "Interim meeting",
            [MeetingKind.Reporting] = "Reporting meeting", [MeetingKind.PartnerMeeting] = "Partner meeting",
            [MeetingKind.GroupLeaderMeeting] = "Group-leader meeting", [MeetingKind.Workshop] = "Workshop",
            [MeetingKind.Other] = "Meeting",
        },
        "Minutes", "Attendance",
        new Dictionary<AttendanceStatus, string>
        {
            [AttendanceStatus.Present] = "Present", [AttendanceStatus.Absent] = "Absent", [AttendanceStatus.Excused] = "Excused",
        },
        "none", "Quorum", "reached", "not reached", "{0} present, {1} required", "Agenda", "Decision", "Other decisions",
        "Action items from earlier meetings", "Action items", "due", "Invitation", "Changed", "Cancelled", "Reminder", "Moved",
        "The meeting is cancelled", "When", "Where", "Video", "Deadline", "Partner calendar", "Follow up open action items",
        new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>
        {
            [MeetingKind.StartUp] =
            [
                new("Elect the leader", 10), new("Elect the budget responsible", 10), new("Staff the group", 15),
                new("Annual wheel / plan for the group's activity", 30), new("Budget and plan for the group's funds", 20),
            ],
            [MeetingKind.Interim] =
            [
                new("Follow up measures", 30), new("Applications to the partner fund", 15), new("Matters for the partner meeting", 15),
                new("Matters for the group-leader meeting", 10),
            ],
            [MeetingKind.Reporting] =
            [
                new("Report on the base grant and the measures", 30), new("The group's accounts", 20),
                new("Input to next year's budget and plans", 20),
            ],
        });

    public static MeetingTexts Bokmal { get; } = new(
        "nb",
        new Dictionary<MeetingKind, string>
        {
            [MeetingKind.StartUp] = "Oppstartsmøte", [MeetingKind.Interim] = "Underveismøte",
            [MeetingKind.Reporting] = "Rapporteringsmøte", [MeetingKind.PartnerMeeting] = "Partnermøte",
            [MeetingKind.GroupLeaderMeeting] = "Gruppeledermøte", [MeetingKind.Workshop] = "Arbeidsmøte", [MeetingKind.Other] = "Møte",
        },
        "Referat", "Oppmøte",
        new Dictionary<AttendanceStatus, string>
        {
            [AttendanceStatus.Present] = "Til stede", [AttendanceStatus.Absent] = "Fraværende",
                [AttendanceStatus.Excused] = "Meldt forfall",
        },
        "ingen", "Vedtaksførhet", "vedtaksført", "ikke vedtaksført", "{0} til stede, {1} kreves", "Saksliste", "Vedtak",
        "Andre vedtak", "Oppfølgingspunkter fra tidligere møter", "Oppfølgingspunkter", "frist", "Innkalling", "Endret", "Avlyst",
        "Påminnelse", "Flyttet", "Møtet er avlyst", "Når", "Hvor", "Video", "Frist", "Partnerkalender",
        "Oppfølging av åpne oppfølgingspunkter",
        new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>
        {
            [MeetingKind.StartUp] =
            [
                new("Valg av leder", 10), new("Valg av budsjettansvarlig", 10), new("Bemanning av gruppa", 15),
                new("Årshjul/plan for aktiviteten i arbeidsgruppa", 30), new("Budsjett/plan for disponering av arbeidsgruppas midler", 20),
            ],
            [MeetingKind.Interim] =
            [
                new("Oppfølging av tiltak", 30), new("Søknader til Partnerpotten", 15), new("Saker til Partnermøte", 15),
                new("Saker til Gruppeledermøte", 10),
            ],
            [MeetingKind.Reporting] =
            [
                new("Rapportering på grunnbevilgning og tiltak", 30), new("Regnskap for arbeidsgruppa", 20),
                new("Innspill til budsjett og planer for neste år", 20),
            ],
        });

    public static MeetingTexts Nynorsk { get; } = new(
        "nn",
        new Dictionary<MeetingKind, string>
        {
            [MeetingKind.StartUp] = "Oppstartsmøte", [MeetingKind.Interim] = "Undervegsmøte",
            [MeetingKind.Reporting] = "Rapporteringsmøte", [MeetingKind.PartnerMeeting] = "Partnarmøte",
            [MeetingKind.GroupLeaderMeeting] = "Gruppeleiarmøte", [MeetingKind.Workshop] = "Arbeidsmøte", [MeetingKind.Other] = "Møte",
        },
        "Referat", "Oppmøte",
        new Dictionary<AttendanceStatus, string>
        {
            [AttendanceStatus.Present] = "Til stades", [AttendanceStatus.Absent] = "Fråverande",
                [AttendanceStatus.Excused] = "Meldt forfall",
        },
        "ingen", "Vedtaksføre", "vedtaksført", "ikkje vedtaksført", "{0} til stades, {1} krevst", "Saksliste", "Vedtak",
        "Andre vedtak", "Oppfølgingspunkt frå tidlegare møte", "Oppfølgingspunkt", "frist", "Innkalling", "Endra", "Avlyst",
        "Påminning", "Flytta", "Møtet er avlyst", "Når", "Kvar", "Video", "Frist", "Partnarkalender", "Oppfølging av opne oppfølgingspunkt",
        new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>
        {
            [MeetingKind.StartUp] =
            [
                new("Val av leiar", 10), new("Val av budsjettansvarleg", 10), new("Bemanning av gruppa", 15),
                new("Årshjul/plan for aktiviteten i arbeidsgruppa", 30),
                new("Budsjett/plan for disponering av midlane til arbeidsgruppa", 20),
            ],
            [MeetingKind.Interim] =
            [
                new("Oppfølging av tiltak", 30), new("Søknader til Partnarpotten", 15), new("Saker til Partnarmøtet", 15),
                new("Saker til Gruppeleiarmøtet", 10),
            ],
            [MeetingKind.Reporting] =
            [
                new("Rapportering på grunnløyving og tiltak", 30), new("Rekneskap for arbeidsgruppa", 20),
                new("Innspel til budsjett og planar for neste år", 20),
            ],
        });

    public static MeetingTexts Danish { get; } = new(
        "da",
        new Dictionary<MeetingKind, string>
        {
            [MeetingKind.StartUp] = "Opstartsmøde", [MeetingKind.Interim] = "Statusmøde",
            [MeetingKind.Reporting] = "Afrapporteringsmøde", [MeetingKind.PartnerMeeting] = "Partnermøde",
            [MeetingKind.GroupLeaderMeeting] = "Gruppeledermøde", [MeetingKind.Workshop] = "Workshop", [MeetingKind.Other] = "Møde",
        },
        "Referat", "Fremmøde",
        new Dictionary<AttendanceStatus, string>
        {
            [AttendanceStatus.Present] = "Til stede", [AttendanceStatus.Absent] = "Fraværende", [AttendanceStatus.Excused] = "Afbud",
        },
        "ingen", "Beslutningsdygtighed", "beslutningsdygtigt", "ikke beslutningsdygtigt", "{0} til stede, {1} kræves", "Dagsorden",
        "Beslutning", "Andre beslutninger", "Opfølgningspunkter fra tidligere møder", "Opfølgningspunkter", "frist", "Indkaldelse",
        "Ændret", "Aflyst", "Påmindelse", "Flyttet", "Mødet er aflyst", "Hvornår", "Hvor", "Video", "Frist", "Partnerkalender",
        "Opfølgning på åbne opfølgningspunkter",
        new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>
        {
            [MeetingKind.StartUp] =
            [
                new("Valg af leder", 10), new("Valg af budgetansvarlig", 10), new("Bemanding af arbejdsgruppen", 15),
                new("Årshjul/plan for arbejdsgruppens aktiviteter", 30), new("Budget/plan for anvendelse af arbejdsgruppens midler", 20),
            ],
            [MeetingKind.Interim] =
            [
                new("Opfølgning på indsatser", 30), new("Ansøgninger til partnerpuljen", 15), new("Sager til partnermødet", 15),
                new("Sager til gruppeledermødet", 10),
            ],
            [MeetingKind.Reporting] =
            [
                new("Afrapportering på grundbevilling og indsatser", 30), new("Arbejdsgruppens regnskab", 20),
                new("Input til næste års budget og planer", 20),
            ],
        });

    public static MeetingTexts Swedish { get; } = new(
        "sv",
        new Dictionary<MeetingKind, string>
        {
            [MeetingKind.StartUp] = "Uppstartsmöte", [MeetingKind.Interim] = "Avstämningsmöte",
            [MeetingKind.Reporting] = "Rapporteringsmöte", [MeetingKind.PartnerMeeting] = "Partnermöte",
            [MeetingKind.GroupLeaderMeeting] = "Gruppledarmöte", [MeetingKind.Workshop] = "Workshop", [MeetingKind.Other] = "Möte",
        },
        "Protokoll", "Närvaro",
        new Dictionary<AttendanceStatus, string>
        {
            [AttendanceStatus.Present] = "Närvarande", [AttendanceStatus.Absent] = "Frånvarande",
                [AttendanceStatus.Excused] = "Anmält förhinder",
        },
        "inga", "Beslutförhet", "beslutsför", "inte beslutsför", "{0} närvarande, {1} krävs", "Dagordning", "Beslut", "Övriga beslut",
        "Åtgärdspunkter från tidigare möten", "Åtgärdspunkter", "senast", "Kallelse", "Ändrat", "Inställt", "Påminnelse", "Flyttat",
        "Mötet är inställt", "När", "Var", "Video", "Sista dag", "Partnerkalender", "Uppföljning av öppna åtgärdspunkter",
        new Dictionary<MeetingKind, IReadOnlyList<AgendaTemplateItem>>
        {
            [MeetingKind.StartUp] =
            [
                new("Val av ordförande", 10), new("Val av budgetansvarig", 10), new("Bemanning av gruppen", 15),
                new("Årshjul/plan för gruppens verksamhet", 30), new("Budget/plan för gruppens medel", 20),
            ],
            [MeetingKind.Interim] =
            [
                new("Uppföljning av insatser", 30), new("Ansökningar till partnerfonden", 15), new("Ärenden till partnermötet", 15),
                new("Ärenden till gruppledarmötet", 10),
            ],
            [MeetingKind.Reporting] =
            [
                new("Rapportering om grundbidrag och insatser", 30), new("Gruppens räkenskaper", 20),
                new("Underlag till nästa års budget och planer", 20),
            ],
        });

    private static readonly IReadOnlyDictionary<string, MeetingTexts> ByLanguage = new[] { English, Bokmal, Nynorsk, Danish, Swedish }
        .ToDictionary(t => t.Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The texts of the first of <paramref name="languages"/> (BCP 47 tags, the network's) that is here; "no" and "nb-NO"
    /// count as "nb". English when none is.
    /// </summary>
    public static MeetingTexts For(IEnumerable<string> languages)
    {
        foreach (var tag in languages)
        {
            var primary = tag.Split('-', '_')[0];
            if (ByLanguage.TryGetValue(primary.Equals("no", StringComparison.OrdinalIgnoreCase) ? "nb" : primary, out var texts))
            {
                return texts;
            }
        }
        return English;
    }

    public string KindName(MeetingKind kind) => KindNames[kind];

    public IReadOnlyList<AgendaTemplateItem> StandardAgenda(MeetingKind kind) =>
        StandardAgendas.TryGetValue(kind, out var items) ? items : [];
}
