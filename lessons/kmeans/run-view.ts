// kmeans: the numbers of the current run beside the cluster plot — the latest iteration's readouts,
// the log with one row per iteration, the cluster sizes, and for labelled data the table of clusters
// against the true classes. Only text: every number comes from the engine.
import type { KMeansData, KMeansState, KMeansSummary } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { clusterColor } from './cluster-plot';

/** A value in five significant digits, exponent form when very large or small, '–' when not finite. */
export const fmt = (v: number) => (!Number.isFinite(v) ? '–' : v === 0 ? '0' : Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toExponential(3) : String(+v.toPrecision(5)));

/** Iteration, points moved, centroid shift, inertia, and the silhouette once the run has finished. */
export function showReadouts(s: KMeansState, summary: KMeansSummary | null): void {
  $('km-iteration').textContent = String(s.iteration);
  $('km-moved').textContent = s.iteration === 0 ? '–' : s.moved.toLocaleString('en-US');
  $('km-shift').textContent = s.iteration === 0 ? '–' : fmt(s.shift);
  $('km-inertia').textContent = fmt(s.inertia);
  $('km-silhouette-score').textContent = summary ? (Number.isFinite(summary.silhouette) ? summary.silhouette.toFixed(3) : 'n/a (k = 1)') : '–';
}

/** One row per state of the run, scrolled to the newest. */
export function showLog(states: KMeansState[]): void {
  const body = $('km-log').querySelector('tbody')!;
  body.replaceChildren(
    ...states.map((s) => {
      const tr = document.createElement('tr');
      const cells = s.iteration === 0
        ? ['start', `${s.moved.toLocaleString('en-US')} assigned`, '–', fmt(s.inertia)]
        : [String(s.iteration), s.moved.toLocaleString('en-US'), fmt(s.shift), fmt(s.inertia)];
      tr.replaceChildren(...cells.map((c) => Object.assign(document.createElement('td'), { textContent: c })));
      return tr;
    }),
  );
  const wrap = body.closest('.km-table-wrap')!;
  wrap.scrollTop = wrap.scrollHeight;
}

const legendDot = (j: number) => {
  const dot = Object.assign(document.createElement('span'), { className: 'legend-dot' });
  dot.style.background = clusterColor(j);
  return dot;
};

/** The size of each cluster and, when the data has a class column, clusters × classes counts; empty until the run ends. */
export function showSummary(summary: KMeansSummary | null, data: KMeansData | null): void {
  const sizes = $('km-sizes');
  const wrap = $('km-crosstab-wrap');
  if (!summary || !data) {
    sizes.replaceChildren();
    wrap.hidden = true;
    return;
  }
  sizes.replaceChildren(
    ...Array.from(summary.sizes, (size, j) => {
      const item = document.createElement('li');
      item.append(legendDot(j), ` cluster ${j + 1}: ${size.toLocaleString('en-US')}`);
      return item;
    }),
  );
  const groups = data.classes;
  wrap.hidden = groups.length === 0;
  if (groups.length === 0) return;
  $('km-crosstab-title').textContent = `Clusters against ${data.label}`;
  const table = $('km-crosstab');
  const head = document.createElement('tr');
  head.replaceChildren(...['cluster', ...groups].map((t) => Object.assign(document.createElement('th'), { textContent: t, scope: 'col' })));
  table.querySelector('thead')!.replaceChildren(head);
  table.querySelector('tbody')!.replaceChildren(
    ...Array.from(summary.sizes, (_, j) => {
      const tr = document.createElement('tr');
      const th = Object.assign(document.createElement('th'), { scope: 'row' });
      th.append(legendDot(j), ` ${j + 1}`);
      tr.replaceChildren(th, ...groups.map((_, c) => Object.assign(document.createElement('td'), { textContent: String(summary.crosstab[j * groups.length + c]) })));
      return tr;
    }),
  );
}
