// A group's page: its meetings of the year (reporting's meeting facts: a few figures each, paged), attendance per held meeting,
// minutes timeliness, the year's timeline by kind and state, its measures with progress over time, and its money.
import { getJson, listAll, networkPath } from './api.js';
import { label, language, t } from './i18n.js';
import { cell, date, esc } from './format.js';
import { chartSlot, draw, palette } from './charts.js';
import { drawMoney, loadAccounts, moneySection } from './money.js';
import { measuresSection } from './measures.js';

const kinds = ['START_UP', 'INTERIM', 'REPORTING', 'PARTNER_MEETING', 'GROUP_LEADER_MEETING', 'WORKSHOP', 'OTHER'];
const states = ['PLANNED', 'HELD', 'CANCELLED'];
const dayOfYear = iso => Math.floor((Date.parse(iso) - Date.UTC(new Date(iso).getUTCFullYear(), 0, 1)) / 86_400_000) + 1;

/** Present among those whose attendance was recorded, in percent; null when nothing was recorded. */
const attendance = m => m.attendanceRecorded ? Math.round(100 * (m.present || 0) / m.attendanceRecorded) : null;

/** Days from the meeting to its published minutes (0 is sent: the field is a wrapper); null while unpublished. */
const daysToMinutes = m => m.minutesDelayDays ?? null;

/** A fact's state (MEETING_FACT_STATE_HELD) as the label's meeting status (MEETING_STATUS_HELD). */
const status = m => `MEETING_STATUS_${String(m.state).replace('MEETING_FACT_STATE_', '')}`;

export async function renderGroup(main, network, year, groupId, directory, ready) {
  const path = networkPath(network);
  const [meetings, progress, accounts] = await Promise.all([
    listAll(`${path}/groupMeetingFacts/${encodeURIComponent(groupId)}/years/${year}`, 'meetingFacts'),
    getJson(`${path}/measureProgress`, { year, groupId }), loadAccounts(network, [groupId], year)]);
  const reports = await Promise.all(progress.measures.map(m => listAll(`${path}/progressReports`, 'reports', { measureId: m.measureId })));
  const held = meetings.filter(m => status(m) === 'MEETING_STATUS_HELD');
  const name = esc(directory.groupName(groupId));
  if (!ready()) return;
  main.innerHTML = `
    <h2 id="group-name">${name}</h2>
    <section class="wide" id="meetings"><h2>${t('meetings')}</h2>
      <table><thead><tr><th scope="col">${t('date')}</th><th scope="col">${t('kind')}</th>
        <th scope="col">${t('state')}</th><th scope="col" class="num">${t('present')}</th><th scope="col">${t('minutes')}</th></tr></thead>
      <tbody>${meetings.map(meetingRow).join('') || `<tr><td colspan="5">${t('noData')}</td></tr>`}</tbody></table></section>
    <section id="attendance-section">${chartSlot('attendance-chart', t('attendancePerMeeting'),
      held.map(m => `${date(m.startTime)} ${attendance(m) ?? '–'} %`).join('; ') || t('noData'))}</section>
    <section id="minutes-section">${chartSlot('minutes-chart', t('minutesTimeliness'),
      held.map(m => `${date(m.startTime)} ${daysToMinutes(m) ?? t('notPublished')}`).join('; ') || t('noData'))}</section>
    <section class="wide" id="timeline-section">${chartSlot('timeline-chart', t('timeline'),
      meetings.map(m => `${date(m.startTime)} ${label(`MEETING_KIND_${m.kind}`)} ${label(status(m))}`)
        .join('; ') || t('noData'))}</section>
    ${measuresSection(progress.measures, id => esc(directory.groupName(id)))}
    <section id="progress-section">${chartSlot('progress-chart', t('measureProgress'),
      progress.measures.map(m => `${m.title} ${Math.round(m.percent)} %`).join('; ') || t('noData'))}</section>
    ${moneySection(accounts, id => esc(directory.groupName(id)), directory.groupName)}`;
  draw('attendance-chart', {
    type: 'line',
    data: { labels: held.map(m => date(m.startTime)),
      datasets: [{ label: t('attendance'), data: held.map(attendance), borderColor: palette[0], backgroundColor: palette[0] }] },
    options: { scales: { y: { min: 0, max: 100 } } },
  });
  draw('minutes-chart', {
    type: 'bar',
    data: { labels: held.map(m => date(m.startTime)),
      datasets: [{ label: t('minutesTimeliness'), data: held.map(daysToMinutes), backgroundColor: palette[1] }] },
  });
  drawTimeline(meetings);
  drawProgress(progress.measures, reports);
  drawMoney(accounts, directory.groupName);
}

function meetingRow(m) {
  const days = daysToMinutes(m);
  return `<tr data-meeting="${esc(m.meetingId)}">${cell(t('date'), date(m.startTime))}` +
    `${cell(t('kind'), esc(label(`MEETING_KIND_${m.kind}`)))}${cell(t('state'), esc(label(status(m))))}` +
    cell(t('present'), m.attendanceRecorded ? `${m.present || 0} / ${m.attendanceRecorded}` : '–', 'num') +
    `${cell(t('minutes'), days === null ? (status(m) === 'MEETING_STATUS_HELD' ? t('notPublished') : '–') : `+${days} d`)}</tr>`;
}

/** The annual wheel laid flat: day of the year across, kind down, one colour per state. */
function drawTimeline(meetings) {
  draw('timeline-chart', {
    type: 'scatter',
    data: {
      datasets: states.map((state, i) => ({
        label: label(`MEETING_STATUS_${state}`),
        data: meetings.filter(m => status(m) === `MEETING_STATUS_${state}`)
          .map(m => ({ x: dayOfYear(m.startTime), y: kinds.indexOf(m.kind) })),
        backgroundColor: palette[i], pointRadius: 6,
      })),
    },
    options: { scales: {
      x: { ...months },
      y: { min: -1, max: kinds.length, ticks: { stepSize: 1, callback: k => label(kinds[k] && `MEETING_KIND_${kinds[k]}`) } },
    } },
  });
}

/** An axis across the year, day 1..366, ticked at the first of each month. */
const months = {
  type: 'linear', min: 1, max: 366,
  afterBuildTicks: axis => { axis.ticks = [1, 32, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335].map(value => ({ value })); },
  ticks: { callback: day => new Date(Date.UTC(2001, 0, day)).toLocaleDateString(language, { month: 'short' }) },
};

/** Progress reports of each measure over the year: the reported percent at the end of each reported period. */
function drawProgress(measures, reports) {
  draw('progress-chart', {
    type: 'line',
    data: {
      datasets: measures.map((measure, i) => ({
        label: measure.title,
        data: reports[i].map(r => ({ x: dayOfYear(`${r.periodEnd.year}-${pad(r.periodEnd.month)}-${pad(r.periodEnd.day)}`), y: r.percent }))
          .sort((a, b) => a.x - b.x),
        borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
      })),
    },
    options: { scales: {
      x: { ...months },
      y: { min: 0, max: 100 },
    } },
  });
}

const pad = n => String(n).padStart(2, '0');
