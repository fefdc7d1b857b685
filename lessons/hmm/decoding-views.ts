// hmm: the views of one decoding — the readouts, the posterior chart, the α table and the trellis
// canvas (forward α̂ per state and step, the Viterbi path, one stripe per decoded path) with its state
// legend. Pure drawing: the controller (main.ts) passes the model and what the engine returned.
import type { HmmAnalyzeResult, HmmModel } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { LineChart } from '../../web/widgets/line-chart';

/** What `hmm.analyze` returns for a valid model and sequence. */
export type Decoding = Extract<HmmAnalyzeResult, { ok: true }>;

// Ten rather than the eight of web/widgets/class-regions.ts: the presets and edited models may have more states.
const STATE_COLORS = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#dc2626', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];
const stateColor = (i: number) => STATE_COLORS[i % STATE_COLORS.length];

const fmt = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
const percent = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);

/** The swatch-and-name legend of the state colours, in the trellis caption. */
export function showLegend(states: string[]): void {
  $('hmm-legend').replaceChildren(...states.flatMap((name, i) => {
    const swatch = document.createElement('span');
    swatch.className = 'hmm-legend-swatch';
    swatch.style.background = stateColor(i);
    return [swatch, document.createTextNode(name)];
  }));
}

/** A fresh posterior chart, one curve per state (the states change with the preset). */
export function makePosteriorChart(states: string[]): LineChart {
  const box = $('hmm-posterior-plot');
  box.replaceChildren();
  return new LineChart(box, {
    x: { label: 'step t' },
    y: { label: 'probability', range: [0, 1] },
    series: states.map((name, i) => ({ label: `P(${name})`, color: stateColor(i), width: 1.5 })),
    height: 200,
    description: `Posterior probability of each hidden state (${states.join(', ')}) at every step, given all observations.`,
  });
}

/** The readouts and the posterior curves. */
export function showDecoding(m: HmmModel, r: Decoding, posteriorChart: LineChart | null): void {
  const T = r.observations.length, K = m.states.length;
  $('hmm-T').textContent = T.toLocaleString('en-US');
  $('hmm-loglik').textContent = fmt(r.logLikelihood);
  $('hmm-viterbi-logp').textContent = fmt(r.viterbiLogProbability);
  $('hmm-viterbi-acc').textContent = percent(r.viterbiAccuracy);
  $('hmm-posterior-acc').textContent = percent(r.posteriorAccuracy);
  const steps = Array.from({ length: T }, (_, t) => t + 1);
  posteriorChart?.setData(steps, m.states.map((_, i) => steps.map((__, t) => r.gamma[t * K + i])));
}

/** "The trellis as numbers": α̂ and log α per state and step, the Viterbi path and `hidden` (the true
 *  path of a sampled sequence, or null); the first 500 steps. */
export function fillAlphaTable(m: HmmModel, r: Decoding, hidden: number[] | null): void {
  const K = m.states.length, T = r.observations.length, rows = Math.min(T, 500);
  const table = $<HTMLTableElement>('hmm-alpha-table');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const h of ['t', 'x_t', ...m.states.map((s) => `α̂ ${s}`), ...m.states.map((s) => `log α ${s}`), 'Viterbi', ...(hidden ? ['true'] : [])]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (let t = 0; t < rows; t++) {
    const tr = body.insertRow();
    const cells = [String(t + 1), m.symbols[r.observations[t]],
      ...m.states.map((_, i) => r.alphaHat[t * K + i].toFixed(4)), ...m.states.map((_, i) => fmt(r.logAlpha[t * K + i], 3)),
      m.states[r.viterbiPath[t]], ...(hidden ? [m.states[hidden[t]]] : [])];
    for (const c of cells) tr.insertCell().textContent = c;
  }
  if (rows < T) table.createCaption().textContent = `The first ${rows} of ${T} steps.`;
}

/** Sizes the trellis canvas to its rows and draws it; only clears it until there is a decoding. */
export function drawTrellis(trellis: HTMLCanvasElement, m: HmmModel | null, r: Decoding | null, hidden: number[] | null): void {
  const g = trellis.getContext('2d')!;
  const width = Math.max(trellis.getBoundingClientRect().width, 200);
  const K = m?.states.length ?? 2;
  // The observed symbols get a row above the cells only where there is room to read them.
  const showSymbols = !!r && width / r.observations.length >= 9;
  const top = showSymbols ? 18 : 4, rowH = Math.max(22, Math.min(40, 120 / K)), stripH = 12, gap = 8;
  const stripes = hidden ? 3 : 2;
  const height = top + K * rowH + gap + stripes * (stripH + 4) + 4;
  const dpr = window.devicePixelRatio || 1;
  trellis.style.height = `${height}px`;
  trellis.width = Math.round(width * dpr);
  trellis.height = Math.round(height * dpr);
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  if (!r || !m) return;
  const T = r.observations.length, left = 74, cw = (width - left - 4) / T;
  g.font = '11px system-ui, sans-serif';
  g.textBaseline = 'middle';
  g.fillStyle = '#475569';
  m.states.forEach((name, i) => {
    g.textAlign = 'right';
    g.fillText(name, left - 6, top + i * rowH + rowH / 2);
  });
  // One cell per state and step, as blue as α̂ is large.
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < K; i++) {
      g.fillStyle = `rgba(37, 99, 235, ${r.alphaHat[t * K + i].toFixed(3)})`;
      g.fillRect(left + t * cw, top + i * rowH, Math.max(cw - (cw > 4 ? 1 : 0), 0.6), rowH - 2);
    }
    if (showSymbols) {
      g.fillStyle = '#0f172a';
      g.textAlign = 'center';
      g.fillText(m.symbols[r.observations[t]], left + (t + 0.5) * cw, top / 2 + 1, cw);
    }
  }
  // The Viterbi path through the cells.
  g.beginPath();
  r.viterbiPath.forEach((z, t) => {
    const x = left + (t + 0.5) * cw, y = top + z * rowH + rowH / 2 - 1;
    if (t === 0) g.moveTo(x, y);
    else g.lineTo(x, y);
  });
  g.strokeStyle = '#0f172a';
  g.lineWidth = cw > 3 ? 2 : 1.2;
  g.stroke();
  // Below: one stripe per path, coloured by state.
  const paths: [string, number[]][] = [];
  if (hidden) paths.push(['true', hidden]);
  paths.push(['Viterbi', r.viterbiPath], ['posterior', r.posteriorPath]);
  paths.forEach(([name, path], s) => {
    const y = top + K * rowH + gap + s * (stripH + 4);
    g.fillStyle = '#475569';
    g.textAlign = 'right';
    g.fillText(name, left - 6, y + stripH / 2);
    for (let t = 0; t < T; t++) {
      g.fillStyle = stateColor(path[t]);
      g.fillRect(left + t * cw, y, cw + 0.5, stripH);
    }
  });
}
