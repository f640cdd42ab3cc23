// Money per group and for the network, exactly as GetGroupAccounts gives it (one read per group and year).
import { getJson, networkPath } from './api.js';
import { t } from './i18n.js';
import { amountCell, cell, cents, decimal, esc } from './format.js';
import { chartSlot, draw, palette } from './charts.js';

/** The figures of one group's accounts: the reporting service's own budget, granted, spent and remaining. */
function figures(accounts) {
  const applied = (accounts.fundApplications || []).reduce((sum, a) => sum + cents(a.amountRequested), 0n);
  return {
    baseGrant: cents(accounts.baseGrant), applied, granted: cents(accounts.granted), budget: cents(accounts.budget),
    spent: cents(accounts.spent), remaining: cents(accounts.remaining), signedOff: Boolean(accounts.signedOffBy),
  };
}

export async function loadAccounts(network, groupIds, year) {
  const path = networkPath(network);
  return Promise.all(groupIds.map(async groupId =>
    ({ groupId, ...figures(await getJson(`${path}/groupAccounts/${encodeURIComponent(groupId)}/years/${year}`)) })));
}

const columns = ['baseGrant', 'applied', 'granted', 'spent', 'remaining'];
const columnLabel = { baseGrant: 'baseGrant', applied: 'fundApplied', granted: 'fundGranted', spent: 'spent', remaining: 'remaining' };

function row(name, figures, signedOff) {
  return `<tr>${cell(t('group'), name)}` +
    columns.map(c => amountCell(t(columnLabel[c]), decimal(figures[c]), c)).join('') +
    `${cell(t('signedOff'), signedOff)}</tr>`;
}

/** The money section: a table per group with the network's totals, and a budget-against-spent chart. */
export function moneySection(accounts, groupLink, groupName) {
  const total = Object.fromEntries(columns.map(c => [c, accounts.reduce((sum, a) => sum + a[c], 0n)]));
  const signedOff = accounts.filter(a => a.signedOff).length;
  const head = `<tr><th scope="col">${t('group')}</th>` +
    columns.map(c => `<th scope="col" class="num">${t(columnLabel[c])}</th>`).join('') +
    `<th scope="col">${t('signedOff')}</th></tr>`;
  const body = accounts.map(a => row(groupLink(a.groupId), a, a.signedOff ? t('yes') : t('no'))).join('');
  const foot = accounts.length > 1 ? `<tfoot>${row(esc(t('total')), total, `${signedOff} / ${accounts.length}`)}</tfoot>` : '';
  const summary = accounts.map(a => `${groupName(a.groupId)}: ${decimal(a.budget)} / ${decimal(a.spent)}`).join('; ');
  return `<section class="wide" id="money"><h2>${t('money')}</h2>
    <table><thead>${head}</thead><tbody>${body}</tbody>${foot}</table>
    ${chartSlot('budget-chart', t('budgetVsActual'), summary)}</section>`;
}

export function drawMoney(accounts, groupName) {
  draw('budget-chart', {
    type: 'bar',
    data: {
      labels: accounts.map(a => groupName(a.groupId)),
      datasets: [
        { label: t('budget'), data: accounts.map(a => Number(a.budget) / 100), backgroundColor: palette[0] },
        { label: t('spent'), data: accounts.map(a => Number(a.spent) / 100), backgroundColor: palette[1] },
      ],
    },
  });
}
