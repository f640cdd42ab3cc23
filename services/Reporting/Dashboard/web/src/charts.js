// chart.js, bundled: only the parts the page draws with. Each chart sits in a labelled figure with a text alternative.
import {
  Chart, BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement,
  ScatterController, Tooltip,
} from 'chart.js';
import { esc } from './format.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LinearScale, LineController, LineElement, PointElement,
  ScatterController, Tooltip);
Chart.defaults.color = '#1d2433';
Chart.defaults.animation = false;

const charts = new Map();
export const palette = ['#1f4e79', '#b45309', '#2e7d32', '#6a1b9a', '#b71c1c', '#00695c', '#4e342e'];

/** The markup of a chart's place: a canvas described by a summary the page also shows to screen readers. */
export const chartSlot = (id, title, summary) =>
  `<figure class="chart-figure" style="margin:0"><figcaption class="muted">${esc(title)}</figcaption>` +
  `<div class="chart"><canvas id="${id}" role="img" aria-label="${esc(title + ': ' + summary)}"></canvas></div></figure>`;

/** Draws (or redraws) a chart in the canvas with this id. */
export function draw(id, config) {
  charts.get(id)?.destroy();
  const canvas = document.getElementById(id);
  if (!canvas) return;
  const chart = new Chart(canvas, {
    ...config,
    options: { responsive: true, maintainAspectRatio: false, ...config.options },
  });
  charts.set(id, chart);
  canvas.chart = chart;
}

export function destroyAll() {
  for (const chart of charts.values()) chart.destroy();
  charts.clear();
}
