// Formatting and exact money: amounts arrive as decimal strings ("12500.50"); sums are added in øre/cents as BigInt.
import { language } from './i18n.js';

const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const esc = s => String(s ?? '').replace(/[&<>"']/g, c => entities[c]);

export const pct = r => r && r.value !== undefined && r.value !== null ? Math.round(r.value * 100) + ' %' : '–';

export function cents(amount) {
  const [whole, fraction = ''] = String(amount || '0').split('.');
  const sign = whole.startsWith('-') ? -1n : 1n;
  return sign * (BigInt(whole.replace('-', '') || '0') * 100n + BigInt((fraction + '00').slice(0, 2)));
}

export function decimal(cents) {
  const sign = cents < 0n ? '-' : '', abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export const money = amount => Number(amount || 0).toLocaleString(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A table cell with an amount: the shown text in the page's language, the exact decimal in data-amount. */
export const amountCell = (label, amount, field) =>
  `<td class="num" data-label="${esc(label)}" data-field="${field}" data-amount="${esc(amount)}">${money(amount)}</td>`;

export const cell = (label, content, className = '') =>
  `<td${className ? ` class="${className}"` : ''} data-label="${esc(label)}">${content}</td>`;

export const date = iso => iso ? new Date(iso).toLocaleDateString(language, { day: 'numeric', month: 'short' }) : '–';

export const dateTime = iso => new Date(iso).toLocaleString(language, { dateStyle: 'short', timeStyle: 'medium' });
