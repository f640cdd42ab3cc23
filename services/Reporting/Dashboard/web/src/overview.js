// The network page: key figures, groups (attendance, minutes), measures, money, organisations' time, indicators.
import { getJson, listAll, networkPath } from './api.js';
import { t } from './i18n.js';
import { cell, esc, pct } from './format.js';
import { chartSlot, draw, palette } from './charts.js';
import { drawMoney, loadAccounts, moneySection } from './money.js';
import { measuresSection } from './measures.js';

const groupHref = (network, year, groupId) =>
  `#network=${encodeURIComponent(network)}&year=${year}&group=${encodeURIComponent(groupId)}`;

export async function renderOverview(main, network, year, directory, ready) {
  const path = networkPath(network);
  const [health, progress, indicators, accounts] = await Promise.all([
    getJson(`${path}/health`, { year }), getJson(`${path}/measureProgress`, { year }),
    listAll(`${path}/indicators`, 'indicators'), loadAccounts(network, directory.groups.map(g => g.groupId), year)]);
  const groupLink = id => `<a href="${groupHref(network, year, id)}">${esc(directory.groupName(id))}</a>`;
  const members = health.organisations.filter(o => directory.isMember(o.organisationId));
  const externals = health.organisations.filter(o => !directory.isMember(o.organisationId));
  if (!ready()) return;
  main.innerHTML = `
    <section class="wide" id="key-figures"><h2>${t('keyFigures')}</h2><div class="tiles">
      ${tile('attendance', t('attendance'), pct(health.attendance))}
      ${tile('documented', t('minutesPublished'), pct(health.documented))}
      ${tile('held', t('heldMeetings'), health.heldMeetings)}
      ${tile('breaches', t('cadenceBreaches'), health.cadenceBreaches)}
      ${tile('on-track', t('measuresOnTrack'), health.measuresOnTrack)}
      ${tile('late', t('measuresLate'), health.measuresLate)}
    </div></section>
    <section id="groups"><h2>${t('groups')}</h2>
      <table><thead><tr><th scope="col">${t('group')}</th><th scope="col" class="num">${t('attendance')}</th>
        <th scope="col" class="num">${t('dropOut')}</th><th scope="col" class="num">${t('held')}</th>
        <th scope="col" class="num">${t('minutes')}</th></tr></thead>
      <tbody>${health.groups.map(g => `<tr data-group="${esc(g.groupId)}">${cell(t('group'), groupLink(g.groupId))}` +
        cell(t('attendance'), pct(g.attendance), 'num') + cell(t('dropOut'), pct(g.dropOut), 'num') +
        cell(t('held'), g.heldMeetings, 'num') + cell(t('minutes'), pct(g.documented), 'num') + '</tr>').join('')}</tbody></table>
      ${chartSlot('attendance-chart', t('attendancePerGroup'),
        health.groups.map(g => `${directory.groupName(g.groupId)} ${pct(g.attendance)}`).join('; '))}
    </section>
    ${measuresSection(progress.measures, groupLink)}
    ${moneySection(accounts, groupLink, directory.groupName)}
    <section id="organisations"><h2>${t('organisations')}</h2>${organisationsTable(members, directory)}
      ${externals.length ? `<h3>${t('externals')}</h3>${organisationsTable(externals, directory)}` : ''}</section>
    <section id="indicators"><h2>${t('indicators')}</h2>
      ${indicators.length ? chartSlot('indicator-chart', t('indicators'), indicators.map(i => i.name).join('; '))
        : `<p class="muted">${t('noData')}</p>`}</section>`;
  draw('attendance-chart', {
    type: 'bar',
    data: {
      labels: health.groups.map(g => directory.groupName(g.groupId)),
      datasets: [{ label: t('attendance'), data: health.groups.map(g => Math.round((g.attendance?.value || 0) * 100)),
        backgroundColor: palette[0] }],
    },
    options: { scales: { y: { min: 0, max: 100 } } },
  });
  drawMoney(accounts, directory.groupName);
  drawIndicators(indicators);
}

const tile = (id, label, value) => `<div class="tile">${esc(label)}<b id="${id}">${esc(value)}</b></div>`;

function organisationsTable(rows, directory) {
  return `<table><thead><tr><th scope="col">${t('organisation')}</th><th scope="col" class="num">${t('attendance')}</th>
    <th scope="col" class="num">${t('hoursSetAside')}</th><th scope="col" class="num">${t('hoursInMeetings')}</th></tr></thead>
    <tbody>${rows.map(o => `<tr data-organisation="${esc(o.organisationId)}">` +
      cell(t('organisation'), esc(directory.organisationName(o.organisationId))) + cell(t('attendance'), pct(o.attendance), 'num') +
      cell(t('hoursSetAside'), o.hoursSetAside.toFixed(1), 'num') + cell(t('hoursInMeetings'), o.hoursInMeetings.toFixed(1), 'num') +
      '</tr>').join('')}</tbody></table>`;
}

/** Indicator values over time: one line per indicator, the date as the day of the year. */
export function drawIndicators(indicators) {
  const day = p => `${p.date.year}-${pad(p.date.month)}-${pad(p.date.day)}`;
  draw('indicator-chart', {
    type: 'line',
    data: {
      labels: [...new Set(indicators.flatMap(i => (i.points || []).map(day)))].sort(),
      datasets: indicators.map((indicator, i) => ({
        label: `${indicator.name}${indicator.unit ? ` (${indicator.unit})` : ''}`,
        data: (indicator.points || []).map(p => ({ x: day(p), y: p.value })),
        borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length],
      })),
    },
  });
}

const pad = n => String(n).padStart(2, '0');
