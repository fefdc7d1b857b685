// kmeans: the elbow and silhouette charts — for each k from 1 to kMax, the lowest inertia J and the
// mean silhouette of the best of several runs, filled in as the engine's sweep reports each k.
import type { KMeansSweepRow } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { LineChart } from '../../web/widgets/line-chart';

export class SweepCharts {
  private readonly elbow: LineChart;
  private readonly silhouette: LineChart;

  constructor(private readonly kMax: number) {
    this.elbow = new LineChart($('km-elbow'), {
      x: { label: 'clusters k', range: [1, kMax] },
      y: { label: 'inertia J' },
      series: [{ label: 'inertia (best of 5 runs)', color: '#2563eb', points: true }],
      height: 220,
      description: 'Elbow plot: the lowest inertia found for each number of clusters k from 1 to 10.',
    });
    this.silhouette = new LineChart($('km-silhouette'), {
      x: { label: 'clusters k', range: [1, kMax] },
      y: { label: 'mean silhouette' },
      series: [{ label: 'mean silhouette', color: '#ea580c', points: true }],
      height: 220,
      description: 'Mean silhouette score of the best clustering for each k from 2 to 10.',
    });
  }

  /** Plots the rows reported so far; a k without a row (or without a silhouette, k = 1) is a gap. */
  show(rows: KMeansSweepRow[]): void {
    const ks = Array.from({ length: this.kMax }, (_, i) => i + 1);
    this.elbow.setData(ks, [ks.map((k) => rows.find((r) => r.k === k)?.inertia ?? null)]);
    this.silhouette.setData(ks, [ks.map((k) => { const s = rows.find((r) => r.k === k)?.silhouette; return s !== undefined && Number.isFinite(s) ? s : null; })]);
  }

  /** Writes the finished sweep's values and the k of the best silhouette onto the charts' elements
   *  (data-values, data-best), where the tests read them. */
  finish(rows: KMeansSweepRow[]): void {
    const best = rows.filter((r) => Number.isFinite(r.silhouette)).reduce<KMeansSweepRow | null>((a, r) => (!a || r.silhouette > a.silhouette ? r : a), null);
    $('km-elbow').dataset.values = JSON.stringify(rows.map((r) => r.inertia));
    $('km-silhouette').dataset.values = JSON.stringify(rows.map((r) => (Number.isFinite(r.silhouette) ? r.silhouette : null)));
    $('km-silhouette').dataset.best = best ? String(best.k) : '';
  }
}
