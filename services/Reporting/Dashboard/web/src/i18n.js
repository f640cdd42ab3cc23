// Labels in the network's languages (membership's Network.languages, first supported one wins); English otherwise.
const labels = {
  en: {
    skip: 'Skip to the figures', overview: 'Overview', year: 'Year', updated: 'Updated', live: 'live',
    liveLost: 'live feed lost, retrying', keyFigures: 'Key figures', attendance: 'Attendance', minutesPublished: 'Minutes published',
    heldMeetings: 'Meetings held', cadenceBreaches: 'Cadence breaches', measuresOnTrack: 'Measures on track', measuresLate: 'Measures late',
    groups: 'Groups', group: 'Group', dropOut: 'Drop-out', held: 'Held', minutes: 'Minutes', money: 'Money',
    baseGrant: 'Base grant', fundApplied: 'Partner fund applied', fundGranted: 'Partner fund granted', spent: 'Spent',
    remaining: 'Remaining', signedOff: 'Accounts signed off', yes: 'yes', no: 'no', network: 'Network', total: 'Network total',
    budget: 'Budget', budgetVsActual: 'Budget against spent', measures: 'Measures', measure: 'Measure', progress: 'Progress',
    late: 'late', organisations: 'Member organisations: time invested', organisation: 'Organisation',
    hoursSetAside: 'Hours set aside', hoursInMeetings: 'Hours in meetings', externals: 'External experts\' organisations',
    liveEvents: 'Latest events', meetings: 'Meetings', date: 'Date', kind: 'Kind', state: 'State',
    present: 'Present', attendancePerMeeting: 'Attendance per held meeting', minutesTimeliness: 'Days from meeting to minutes',
    timeline: 'The year\'s meetings by kind and state', indicators: 'Indicators over time', noData: 'Nothing recorded yet.',
    attendancePerGroup: 'Attendance per group', measureProgress: 'Measure progress', notPublished: 'not published',
    loadFailed: 'Could not load the figures', signInFailed: 'Could not sign in', otherGroup: 'No group',
  },
  nb: {
    skip: 'Hopp til tallene', overview: 'Oversikt', year: 'År', updated: 'Oppdatert', live: 'direkte',
    liveLost: 'direktestrømmen brutt, prøver igjen', keyFigures: 'Nøkkeltall', attendance: 'Oppmøte', minutesPublished: 'Referat publisert',
    heldMeetings: 'Møter holdt', cadenceBreaches: 'Brudd på møtefrekvens', measuresOnTrack: 'Tiltak i rute',
    measuresLate: 'Tiltak forsinket',
    groups: 'Grupper', group: 'Gruppe', dropOut: 'Frafall', held: 'Holdt', minutes: 'Referat', money: 'Økonomi',
    baseGrant: 'Grunntilskudd', fundApplied: 'Partnerpotten søkt', fundGranted: 'Partnerpotten innvilget', spent: 'Brukt',
    remaining: 'Gjenstår', signedOff: 'Regnskap godkjent', yes: 'ja', no: 'nei', network: 'Nettverk', total: 'Hele nettverket',
    budget: 'Budsjett', budgetVsActual: 'Budsjett mot forbruk', measures: 'Tiltak', measure: 'Tiltak', progress: 'Framdrift',
    late: 'forsinket', organisations: 'Medlemsorganisasjoner: tid brukt', organisation: 'Organisasjon',
    hoursSetAside: 'Timer satt av', hoursInMeetings: 'Timer i møter', externals: 'Eksterne eksperters organisasjoner',
    liveEvents: 'Siste hendelser', meetings: 'Møter', date: 'Dato', kind: 'Type', state: 'Status',
    present: 'Til stede', attendancePerMeeting: 'Oppmøte per holdt møte', minutesTimeliness: 'Dager fra møte til referat',
    timeline: 'Årshjulet: møter etter type og status', indicators: 'Indikatorer over tid', noData: 'Ingenting registrert ennå.',
    attendancePerGroup: 'Oppmøte per gruppe', measureProgress: 'Framdrift i tiltak', notPublished: 'ikke publisert',
    loadFailed: 'Kunne ikke hente tallene', signInFailed: 'Kunne ikke logge inn', otherGroup: 'Uten gruppe',
  },
  nn: {
    skip: 'Hopp til tala', overview: 'Oversikt', year: 'År', updated: 'Oppdatert', live: 'direkte',
    liveLost: 'direktestraumen broten, prøver igjen', keyFigures: 'Nøkkeltal', attendance: 'Oppmøte', minutesPublished: 'Referat publisert',
    heldMeetings: 'Møte haldne', cadenceBreaches: 'Brot på møtefrekvens', measuresOnTrack: 'Tiltak i rute',
    measuresLate: 'Tiltak forseinka',
    groups: 'Grupper', group: 'Gruppe', dropOut: 'Fråfall', held: 'Halde', minutes: 'Referat', money: 'Økonomi',
    baseGrant: 'Grunntilskot', fundApplied: 'Partnarpotten søkt', fundGranted: 'Partnarpotten innvilga', spent: 'Brukt',
    remaining: 'Att', signedOff: 'Rekneskap godkjend', yes: 'ja', no: 'nei', network: 'Nettverk', total: 'Heile nettverket',
    budget: 'Budsjett', budgetVsActual: 'Budsjett mot forbruk', measures: 'Tiltak', measure: 'Tiltak', progress: 'Framdrift',
    late: 'forseinka', organisations: 'Medlemsorganisasjonar: tid brukt', organisation: 'Organisasjon',
    hoursSetAside: 'Timar sette av', hoursInMeetings: 'Timar i møte', externals: 'Organisasjonane til eksterne ekspertar',
    liveEvents: 'Siste hendingar', meetings: 'Møte', date: 'Dato', kind: 'Type', state: 'Status',
    present: 'Til stades', attendancePerMeeting: 'Oppmøte per halde møte', minutesTimeliness: 'Dagar frå møte til referat',
    timeline: 'Årshjulet: møte etter type og status', indicators: 'Indikatorar over tid', noData: 'Ingenting registrert enno.',
    attendancePerGroup: 'Oppmøte per gruppe', measureProgress: 'Framdrift i tiltak', notPublished: 'ikkje publisert',
    loadFailed: 'Kunne ikkje hente tala', signInFailed: 'Kunne ikkje logge inn', otherGroup: 'Utan gruppe',
  },
  da: {
    skip: 'Spring til tallene', overview: 'Overblik', year: 'År', updated: 'Opdateret', live: 'live',
    liveLost: 'live-strømmen afbrudt, prøver igen', keyFigures: 'Nøgletal', attendance: 'Fremmøde',
    minutesPublished: 'Referat offentliggjort',
    heldMeetings: 'Afholdte møder', cadenceBreaches: 'Brud på mødefrekvens', measuresOnTrack: 'Indsatser på sporet',
    measuresLate: 'Forsinkede indsatser', groups: 'Grupper', group: 'Gruppe', dropOut: 'Frafald', held: 'Afholdt',
    minutes: 'Referat', money: 'Økonomi', baseGrant: 'Grundtilskud', fundApplied: 'Partnerpuljen ansøgt',
    fundGranted: 'Partnerpuljen bevilget', spent: 'Forbrugt', remaining: 'Tilbage', signedOff: 'Regnskab godkendt', yes: 'ja',
    no: 'nej', network: 'Netværk', total: 'Hele netværket', budget: 'Budget', budgetVsActual: 'Budget mod forbrug',
    measures: 'Indsatser', measure: 'Indsats', progress: 'Fremdrift', late: 'forsinket',
    organisations: 'Medlemsorganisationer: tid brugt', organisation: 'Organisation', hoursSetAside: 'Timer afsat',
    hoursInMeetings: 'Timer i møder', externals: 'Eksterne eksperters organisationer', liveEvents: 'Seneste hændelser',
    meetings: 'Møder', date: 'Dato', kind: 'Type', state: 'Status', present: 'Til stede',
    attendancePerMeeting: 'Fremmøde pr. afholdt møde', minutesTimeliness: 'Dage fra møde til referat',
    timeline: 'Årshjulet: møder efter type og status', indicators: 'Indikatorer over tid', noData: 'Intet registreret endnu.',
    attendancePerGroup: 'Fremmøde pr. gruppe', measureProgress: 'Fremdrift i indsatser', notPublished: 'ikke offentliggjort',
    loadFailed: 'Kunne ikke hente tallene', signInFailed: 'Kunne ikke logge ind', otherGroup: 'Uden gruppe',
  },
  sv: {
    skip: 'Hoppa till siffrorna', overview: 'Översikt', year: 'År', updated: 'Uppdaterad', live: 'live',
    liveLost: 'liveflödet bröts, försöker igen', keyFigures: 'Nyckeltal', attendance: 'Närvaro', minutesPublished: 'Protokoll publicerat',
    heldMeetings: 'Hållna möten', cadenceBreaches: 'Avsteg från mötesfrekvens', measuresOnTrack: 'Åtgärder i fas',
    measuresLate: 'Försenade åtgärder', groups: 'Grupper', group: 'Grupp', dropOut: 'Avhopp', held: 'Hållna',
    minutes: 'Protokoll', money: 'Ekonomi', baseGrant: 'Grundbidrag', fundApplied: 'Partnerpotten sökt',
    fundGranted: 'Partnerpotten beviljad', spent: 'Förbrukat', remaining: 'Kvar', signedOff: 'Räkenskaper godkända', yes: 'ja',
    no: 'nej', network: 'Nätverk', total: 'Hela nätverket', budget: 'Budget', budgetVsActual: 'Budget mot utfall',
    measures: 'Åtgärder', measure: 'Åtgärd', progress: 'Framsteg', late: 'försenad',
    organisations: 'Medlemsorganisationer: nedlagd tid', organisation: 'Organisation', hoursSetAside: 'Avsatta timmar',
    hoursInMeetings: 'Timmar i möten', externals: 'Externa experters organisationer', liveEvents: 'Senaste händelser',
    meetings: 'Möten', date: 'Datum', kind: 'Typ', state: 'Status', present: 'Närvarande',
    attendancePerMeeting: 'Närvaro per hållet möte', minutesTimeliness: 'Dagar från möte till protokoll',
    timeline: 'Årshjulet: möten efter typ och status', indicators: 'Indikatorer över tid', noData: 'Inget registrerat ännu.',
    attendancePerGroup: 'Närvaro per grupp', measureProgress: 'Framsteg i åtgärder', notPublished: 'inte publicerat',
    loadFailed: 'Kunde inte hämta siffrorna', signInFailed: 'Kunde inte logga in', otherGroup: 'Utan grupp',
  },
};

export let language = 'en';

/** Picks the first of the network's languages the page has labels for and marks the document with it. */
export function useLanguage(languages) {
  language = (languages || []).map(l => l.toLowerCase().split('-')[0]).find(l => l in labels) || 'en';
  document.documentElement.lang = language;
  for (const element of document.querySelectorAll('[data-label]')) element.textContent = t(element.dataset.label);
}

export const t = key => labels[language][key] ?? labels.en[key] ?? key;

// The proto enum values the page shows (meeting kinds and states), in the same languages.
const enums = {
  en: ['start-up meeting', 'interim meeting', 'reporting meeting', 'partner meeting', 'group leader meeting', 'workshop', 'other',
    'planned', 'held', 'cancelled'],
  nb: ['oppstartsmøte', 'underveismøte', 'rapporteringsmøte', 'partnermøte', 'gruppeledermøte', 'verksted', 'annet',
    'planlagt', 'holdt', 'avlyst'],
  nn: ['oppstartsmøte', 'undervegsmøte', 'rapporteringsmøte', 'partnarmøte', 'gruppeleiarmøte', 'verkstad', 'anna',
    'planlagt', 'halde', 'avlyst'],
  da: ['opstartsmøde', 'midtvejsmøde', 'rapporteringsmøde', 'partnermøde', 'gruppeledermøde', 'workshop', 'andet',
    'planlagt', 'afholdt', 'aflyst'],
  sv: ['uppstartsmöte', 'avstämningsmöte', 'rapporteringsmöte', 'partnermöte', 'gruppledarmöte', 'workshop', 'annat',
    'planerat', 'hållet', 'inställt'],
};
const enumValues = ['MEETING_KIND_START_UP', 'MEETING_KIND_INTERIM', 'MEETING_KIND_REPORTING', 'MEETING_KIND_PARTNER_MEETING',
  'MEETING_KIND_GROUP_LEADER_MEETING', 'MEETING_KIND_WORKSHOP', 'MEETING_KIND_OTHER', 'MEETING_STATUS_PLANNED',
  'MEETING_STATUS_HELD', 'MEETING_STATUS_CANCELLED'];

/** An enum value (e.g. MEETING_KIND_INTERIM) as a label; '' for none. */
export const label = value => value ? enums[language][enumValues.indexOf(value)] ?? String(value).toLowerCase() : '';
