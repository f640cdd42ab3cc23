// Measures grouped by their owning group, sub-measures under their parent, late ones marked.
import { t } from './i18n.js';
import { cell, esc } from './format.js';

function measureRow(measure, depth) {
  const late = measure.late ? ` <span class="late">(${t('late')})</span>` : '';
  const percent = Math.round(measure.percent || 0);
  const meter = `<span class="meter${measure.late ? ' late' : ''}" aria-hidden="true"><span style="width:${percent}%"></span></span>`;
  return `<tr class="${depth ? 'sub' : ''}" data-measure="${esc(measure.measureId)}">` +
    `${cell(t('measure'), (depth ? '↳ ' : '') + esc(measure.title) + late)}${cell(t('progress'), `${meter} ${percent} %`, 'num')}</tr>`;
}

function rows(measures, parentId, depth) {
  return measures.filter(m => (m.parentMeasureId || '') === parentId)
    .map(m => measureRow(m, depth) + rows(measures, m.measureId, depth + 1)).join('');
}

/** One table per owning group; a sub-measure whose parent is not among them is shown at the top level. */
export function measuresSection(measures, groupLink) {
  const ids = new Set(measures.map(m => m.measureId));
  const normalised = measures.map(m => ids.has(m.parentMeasureId) ? m : { ...m, parentMeasureId: '' });
  const groupIds = [...new Set(normalised.map(m => m.groupId || ''))];
  const tables = groupIds.map(groupId => {
    const own = normalised.filter(m => (m.groupId || '') === groupId);
    return `<h3>${groupId ? groupLink(groupId) : esc(t('otherGroup'))}</h3><table>` +
      `<thead><tr><th scope="col">${t('measure')}</th><th scope="col" class="num">${t('progress')}</th></tr></thead>` +
      `<tbody>${rows(own, '', 0)}</tbody></table>`;
  }).join('');
  return `<section id="measures"><h2>${t('measures')}</h2>${tables || `<p class="muted">${t('noData')}</p>`}</section>`;
}
