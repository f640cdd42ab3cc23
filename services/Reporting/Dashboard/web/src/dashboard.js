// The dashboard page: the address's fragment says which network, year and group (#network=...&year=...&group=...;
// default: the signed-in person's network and this year's overview). Figures are refreshed whenever an event arrives.
import { getJson, networkPath, restoreFragment, session, signedInNetwork } from './api.js';
import { t, useLanguage } from './i18n.js';
import { dateTime } from './format.js';
import { loadDirectory } from './directory.js';
import { renderOverview } from './overview.js';
import { renderGroup } from './group.js';
import { follow } from './live.js';
import { destroyAll } from './charts.js';

const $ = id => document.getElementById(id);
restoreFragment();
let directory, network, pending, renders = 0, following = false;
const recentEvents = [];

function route() {
  const params = new URLSearchParams(location.hash.slice(1));
  return { network: params.get('network') || signedInNetwork, year: Number(params.get('year')) || new Date().getFullYear(),
    group: params.get('group') || '' };
}

function yearOptions(year) {
  const current = new Date().getFullYear(), select = $('year');
  const years = [...new Set([current + 1, current, current - 1, current - 2, current - 3, year])].sort((a, b) => b - a);
  select.innerHTML = years.map(y => `<option value="${y}"${y === year ? ' selected' : ''}>${y}</option>`).join('');
}

async function render() {
  const place = route();
  if (!directory || network !== place.network) {
    network = place.network;
    directory = await loadDirectory(network);
    useLanguage(directory.network.languages);
  }
  yearOptions(place.year);
  $('home').href = `#network=${encodeURIComponent(network)}&year=${place.year}`;
  $('title').textContent = directory.network.displayName || network;
  document.title = `${directory.network.displayName || network} · ${place.year}`;
  // Renders overlap (an event's refresh, a click): only the latest one, once its data is in, replaces the page.
  const render = ++renders;
  const ready = () => render === renders && (destroyAll(), true);
  const main = $('content');
  if (place.group) await renderGroup(main, network, place.year, place.group, directory, ready);
  else await renderOverview(main, network, place.year, directory, ready);
  $('updated').textContent = new Date().toLocaleTimeString(document.documentElement.lang);
  $('error').textContent = '';
}

async function refresh() {
  try {
    await render();
  } catch (e) {
    $('error').textContent = `${t('loadFailed')}: ${e.message}`;
  }
}

/** What an event is about, by name: a group or organisation (accounts are "group/year"); other ids are left out. */
function subject(aggregateId) {
  const [id, year] = aggregateId.split('/');
  const name = directory?.groupName(id) ?? id;
  const known = name !== id ? name : directory?.organisationName(id) ?? id;
  return known === id ? '' : `${known}${year ? ' ' + year : ''}`;
}

function showEvents() {
  $('events').replaceChildren(...recentEvents.map(e => {
    const item = document.createElement('li');
    item.textContent = `${dateTime(e.occurredAt)} ${e.kind} ${subject(e.aggregateId)}`;
    return item;
  }));
}

/** Keeps the newest 20 events, each once: the list read on open and the stream may both deliver one. */
function remember(events) {
  const known = new Set(recentEvents.map(e => e.eventId));
  recentEvents.push(...events.filter(e => !known.has(e.eventId)));
  recentEvents.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
  recentEvents.length = Math.min(recentEvents.length, 20);
  showEvents();
}

/** Once the stream is live, the events logged before it (ListRecentEvents) fill the panel. */
async function onLive(live) {
  $('live').textContent = live ? t('live') : t('liveLost');
  if (live) remember((await getJson(`${networkPath(network)}/events:recent`, { pageSize: 20 })).events || []);
}

function onEvent(event) {
  remember([event]);
  clearTimeout(pending);
  pending = setTimeout(refresh, 300);
}

$('year').addEventListener('change', () => {
  const place = route();
  location.hash = `network=${encodeURIComponent(place.network)}&year=${$('year').value}` +
    (place.group ? `&group=${encodeURIComponent(place.group)}` : '');
});
window.addEventListener('hashchange', () => refresh().then(() => $('content').focus()));

session().then(async () => {
  await refresh();
  if (!following) {
    following = true;
    follow(network, onEvent, live => onLive(live).catch(e => { $('error').textContent = `${t('loadFailed')}: ${e.message}`; }));
  }
}, e => { $('error').textContent = `${t('signInFailed')}: ${e.message}`; });
