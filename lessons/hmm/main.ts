// hmm: the controller. The engine worker checks the model, reads the observations, runs the forward
// algorithm, Viterbi and forward–backward, samples sequences and runs Baum–Welch; this page edits the
// matrices, keeps the setup in the URL hash and draws the trellis, the paths and the curves.
import { EngineClient } from '../../web/engine/client';
import type { HmmAnalyzeResult, HmmFitProgress, HmmModel, HmmPresetName } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { type Field, HashState, choiceField, intField } from '../../web/site/hash-state';
import { parseDecimal } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import './hmm.css';

const PRESETS = ['casino', 'weather', 'fever'] as const;
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
const STATE_COLORS = ['#2563eb', '#f97316', '#16a34a', '#9333ea', '#dc2626', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

function listField(): Field<number[] | null> {
  return {
    defaultValue: null,
    parse(text) {
      if (text === '') return null;
      const values = text.split(',').map(Number);
      return values.every((v) => Number.isFinite(v)) ? values : undefined;
    },
    format: (v) => (v ? v.map((x) => String(+x.toPrecision(12))).join(',') : ''),
  };
}
const obsField: Field<string> = { defaultValue: '', parse: (t) => (t.length <= 20_000 ? t : undefined), format: (v) => v };

const hash = new HashState({
  model: choiceField<HmmPresetName>('casino', PRESETS),
  pi: listField(),
  A: listField(),
  B: listField(),
  src: choiceField<'sample' | 'typed'>('sample', ['sample', 'typed']),
  obs: obsField,
  len: intField(300, 1, 5000),
  seed: intField(1, 0, 2 ** 32),
  fs: intField(10, 1, 200),
  fl: intField(300, 1, 2000),
  fi: intField(100, 1, 1000),
});
const state = hash.read();
const saveState = () => hash.write(state);

const $ = <T extends HTMLElement>(testId: string) => document.querySelector<T>(`[data-testid="${testId}"]`)!;
const byId = (id: string) => document.getElementById(id)!;
const engine = EngineClient.shared();
const fmt = (v: number, digits = 4) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));
const percent = (v: number | null) => (v === null ? '–' : `${(100 * v).toFixed(1)}%`);

function statusLine(testId: string) {
  const el = $(testId);
  return (text: string, kind: 'info' | 'error' = 'info') => {
    el.textContent = text;
    el.dataset.state = kind;
  };
}
const say = statusLine('hmm-status');
const sayFit = statusLine('hmm-fit-status');

// ---- the model -------------------------------------------------------------------------------

/** The model in use (always valid), the preset it came from, and the draft being edited. */
let preset: HmmModel | null = null;
let model: HmmModel | null = null;
let draft: HmmModel | null = null;
/** The true hidden states of the current observations when they were sampled. */
let hidden: number[] | null = null;
const modelMessage = $('hmm-model-message');
modelMessage.setAttribute('role', 'alert');
const obsInput = $<HTMLInputElement>('hmm-obs');
const obsMessage = $('hmm-obs-message');
obsMessage.setAttribute('role', 'alert');
obsInput.setAttribute('aria-describedby', 'hmm-obs-message');

const copy = (m: HmmModel): HmmModel => ({ ...m, start: [...m.start], transition: [...m.transition], emission: [...m.emission] });

function matrixTable(caption: string, key: 'start' | 'transition' | 'emission', rows: string[], columns: string[], label: (r: number, c: number) => string, testId: (r: number, c: number) => string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'hmm-matrix';
  const table = document.createElement('table');
  table.createCaption().textContent = caption;
  const head = table.createTHead().insertRow();
  head.append(document.createElement('th'));
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  rows.forEach((rowName, r) => {
    const tr = body.insertRow();
    tr.dataset.row = `${key}:${rowName}`;
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = rowName;
    tr.append(th);
    columns.forEach((_, c) => {
      const input = document.createElement('input');
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.dataset.testid = testId(r, c);
      input.setAttribute('aria-label', label(r, c));
      input.setAttribute('aria-describedby', 'hmm-model-message');
      const index = r * columns.length + c;
      input.value = String(+draft![key][index].toPrecision(4));
      input.addEventListener('change', () => editCell(input, key, index, label(r, c)));
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') editCell(input, key, index, label(r, c)); });
      tr.insertCell().append(input);
    });
  });
  box.append(table);
  return box;
}

function buildEditor(): void {
  const m = draft!;
  const s = m.states;
  $('hmm-matrices').replaceChildren(
    matrixTable('Start π', 'start', ['π'], s, (_, c) => `P(first state = ${s[c]})`, (_, c) => `hmm-pi-${c}`),
    matrixTable('Transition A (row → column)', 'transition', s, s, (r, c) => `P(next = ${s[c]} | now = ${s[r]})`, (r, c) => `hmm-A-${r}-${c}`),
    matrixTable('Emission B', 'emission', s, m.symbols, (r, c) => `P(observe ${m.symbols[c]} | ${s[r]})`, (r, c) => `hmm-B-${r}-${c}`),
  );
  $('hmm-legend').replaceChildren(...s.flatMap((name, i) => {
    const swatch = document.createElement('span');
    swatch.className = 'hmm-legend-swatch';
    swatch.style.background = STATE_COLORS[i % STATE_COLORS.length];
    return [swatch, document.createTextNode(name)];
  }));
}

/** Marks the rows the engine's message names ("transition row 'Fair' …"). */
function markRows(problem: string): void {
  for (const tr of document.querySelectorAll<HTMLElement>('.hmm-matrix tr[data-row]')) {
    const [key, name] = tr.dataset.row!.split(':');
    const named = key === 'start' ? /start distribution/.test(problem) : problem.includes(`${key} row '${name}'`);
    tr.dataset.invalid = String(named);
  }
}

function editCell(input: HTMLInputElement, key: 'start' | 'transition' | 'emission', index: number, label: string): void {
  const value = parseDecimal(input.value);
  if (value === undefined) {
    input.setAttribute('aria-invalid', 'true');
    modelMessage.textContent = `${label} must be a number, not “${input.value.trim()}”; keeping ${+draft![key][index].toPrecision(6)}.`;
    return;
  }
  input.removeAttribute('aria-invalid');
  draft![key][index] = value;
  void analyze();
}

// ---- decoding ----------------------------------------------------------------------------------

const trellis = $<HTMLCanvasElement>('hmm-trellis');
let posteriorChart: LineChart | null = null;
let lastResult: Extract<HmmAnalyzeResult, { ok: true }> | null = null;
new ResizeObserver(() => drawTrellis()).observe(trellis);

function makePosteriorChart(states: string[]): void {
  const box = $('hmm-posterior-plot');
  box.replaceChildren();
  posteriorChart = new LineChart(box, {
    x: { label: 'step t' },
    y: { label: 'probability', range: [0, 1] },
    series: states.map((name, i) => ({ label: `P(${name})`, color: STATE_COLORS[i % STATE_COLORS.length], width: 1.5 })),
    height: 200,
    description: `Posterior probability of each hidden state (${states.join(', ')}) at every step, given all observations.`,
  });
}

/** Runs forward, Viterbi and posterior decoding on the draft model and the typed observations. */
let analyzing = Promise.resolve();
function analyze(): Promise<void> {
  analyzing = analyzing.then(async () => {
    const text = obsInput.value;
    const result = await engine.run('hmm.analyze', { model: draft!, text, hidden: state.src === 'sample' ? hidden : null });
    if (!result.ok) {
      if (result.where === 'model') {
        markRows(result.problem);
        modelMessage.textContent = `The ${result.problem}: each row is a probability distribution and must add up to 1. ` +
          'The demo keeps the last valid model; fix the row or press “Normalize rows”.';
      } else {
        obsInput.setAttribute('aria-invalid', 'true');
        obsMessage.textContent = `${result.problem.replace(/^observations: /, 'Observations: ')}. Keeping the last valid sequence.`;
        modelMessage.textContent = '';
        markRows('');
      }
      return;
    }
    markRows('');
    modelMessage.textContent = '';
    obsMessage.textContent = '';
    obsInput.removeAttribute('aria-invalid');
    model = copy(draft!);
    state.pi = sameAs(model.start, preset!.start) && sameAs(model.transition, preset!.transition) && sameAs(model.emission, preset!.emission) ? null : model.start;
    state.A = state.pi ? model.transition : null;
    state.B = state.pi ? model.emission : null;
    if (state.src === 'typed') state.obs = text;
    saveState();
    lastResult = result;
    showResult(result);
  }).catch((error: unknown) => say(`The engine stopped with an error: ${(error as Error).message}`, 'error'));
  return analyzing;
}

const sameAs = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) < 1e-12);

function showResult(r: Extract<HmmAnalyzeResult, { ok: true }>): void {
  const T = r.observations.length, K = model!.states.length;
  $('hmm-T').textContent = T.toLocaleString('en-US');
  $('hmm-loglik').textContent = fmt(r.logLikelihood);
  $('hmm-viterbi-logp').textContent = fmt(r.viterbiLogProbability);
  $('hmm-viterbi-acc').textContent = percent(r.viterbiAccuracy);
  $('hmm-posterior-acc').textContent = percent(r.posteriorAccuracy);
  const steps = Array.from({ length: T }, (_, t) => t + 1);
  posteriorChart?.setData(steps, model!.states.map((_, i) => steps.map((__, t) => r.gamma[t * K + i])));
  drawTrellis();
  fillTable(r);
  const source = state.src === 'sample' ? `${T} observations sampled from the model (seed ${state.seed})` : `${T} typed observations`;
  say(`${source}: forward, Viterbi and forward–backward done.`);
}

function fillTable(r: Extract<HmmAnalyzeResult, { ok: true }>): void {
  const m = model!, K = m.states.length, T = r.observations.length, rows = Math.min(T, 500);
  const table = $<HTMLTableElement>('hmm-alpha-table');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const h of ['t', 'x_t', ...m.states.map((s) => `α̂ ${s}`), ...m.states.map((s) => `log α ${s}`), 'Viterbi', ...(hidden && state.src === 'sample' ? ['true'] : [])]) {
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
      m.states[r.viterbiPath[t]], ...(hidden && state.src === 'sample' ? [m.states[hidden[t]]] : [])];
    for (const c of cells) tr.insertCell().textContent = c;
  }
  if (rows < T) table.createCaption().textContent = `The first ${rows} of ${T} steps.`;
}

function drawTrellis(): void {
  const r = lastResult, m = model;
  const g = trellis.getContext('2d')!;
  const width = Math.max(trellis.getBoundingClientRect().width, 200);
  const K = m?.states.length ?? 2;
  const showSymbols = !!r && width / r.observations.length >= 9;
  const top = showSymbols ? 18 : 4, rowH = Math.max(22, Math.min(40, 120 / K)), stripH = 12, gap = 8;
  const stripes = hidden && state.src === 'sample' ? 3 : 2;
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
  g.beginPath();
  r.viterbiPath.forEach((z, t) => {
    const x = left + (t + 0.5) * cw, y = top + z * rowH + rowH / 2 - 1;
    if (t === 0) g.moveTo(x, y);
    else g.lineTo(x, y);
  });
  g.strokeStyle = '#0f172a';
  g.lineWidth = cw > 3 ? 2 : 1.2;
  g.stroke();
  const paths: [string, number[]][] = [];
  if (hidden && state.src === 'sample') paths.push(['true', hidden]);
  paths.push(['Viterbi', r.viterbiPath], ['posterior', r.posteriorPath]);
  paths.forEach(([name, path], s) => {
    const y = top + K * rowH + gap + s * (stripH + 4);
    g.fillStyle = '#475569';
    g.textAlign = 'right';
    g.fillText(name, left - 6, y + stripH / 2);
    for (let t = 0; t < T; t++) {
      g.fillStyle = STATE_COLORS[path[t] % STATE_COLORS.length];
      g.fillRect(left + t * cw, y, cw + 0.5, stripH);
    }
  });
}

// ---- observations ------------------------------------------------------------------------------

const lengthField = numberField($<HTMLInputElement>('hmm-length'), byId('hmm-length-message'), {
  label: 'Length T', min: 1, max: 5000,
  onChange(value) { state.len = value; saveState(); },
});
const seedField = numberField($<HTMLInputElement>('hmm-seed'), byId('hmm-seed-message'), {
  label: 'Seed', min: 0, max: 2 ** 32,
  onChange(value) { state.seed = value; saveState(); },
});

async function sampleObservations(): Promise<void> {
  if (!model) return;
  const s = await engine.run('hmm.sample', { model, length: state.len, seed: state.seed });
  if (!s.ok) {
    modelMessage.textContent = `Cannot sample: the ${s.problem}.`;
    return;
  }
  hidden = s.states;
  state.src = 'sample';
  state.obs = '';
  obsInput.value = s.text;
  await analyze();
}

obsInput.addEventListener('change', () => {
  state.src = 'typed';
  hidden = null;
  void analyze();
});
obsInput.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    state.src = 'typed';
    hidden = null;
    void analyze();
  }
});
$('hmm-sample').addEventListener('click', () => void sampleObservations());

async function loadPreset(name: HmmPresetName, values: { pi: number[] | null; A: number[] | null; B: number[] | null }): Promise<void> {
  preset = await engine.run('hmm.preset', { name });
  draft = copy(preset);
  const K = preset.states.length, M = preset.symbols.length;
  if (values.pi?.length === K && values.A?.length === K * K && values.B?.length === K * M) {
    draft.start = [...values.pi];
    draft.transition = [...values.A];
    draft.emission = [...values.B];
  }
  model = copy(preset);
  buildEditor();
  makePosteriorChart(preset.states);
}

$<HTMLSelectElement>('hmm-model').addEventListener('change', async (e) => {
  state.model = (e.target as HTMLSelectElement).value as HmmPresetName;
  fitStop();
  await loadPreset(state.model, { pi: null, A: null, B: null });
  modelMessage.textContent = '';
  await sampleObservations();
});
$('hmm-normalize').addEventListener('click', async () => {
  if (!draft) return;
  try {
    draft = await engine.run('hmm.normalize', { model: draft });
  } catch (error) {
    modelMessage.textContent = `Cannot normalize: ${(error as Error).message}`;
    return;
  }
  buildEditor();
  await analyze();
});
$('hmm-restore').addEventListener('click', async () => {
  if (!preset) return;
  draft = copy(preset);
  buildEditor();
  await analyze();
});

// ---- Baum–Welch ----------------------------------------------------------------------------------

const fitButton = $<HTMLButtonElement>('hmm-fit');
const fitChart = new LineChart($('hmm-fit-plot'), {
  x: { label: 'iteration' },
  y: { label: 'log-likelihood' },
  series: [
    { label: 'Baum–Welch', color: '#2563eb', points: false },
    { label: 'true model', color: '#0f172a', dash: [6, 4], width: 1.5 },
  ],
  height: 240,
  description: 'Log-likelihood of the sampled sequences under the Baum–Welch model at each iteration, and under the true model.',
});
let fitting: AbortController | null = null;
const fitStop = () => fitting?.abort();

const fitFields = [
  ['hmm-fit-sequences', 'Sequences', 1, 200, 'fs'],
  ['hmm-fit-length', 'Length of each', 1, 2000, 'fl'],
  ['hmm-fit-iterations', 'Iterations', 1, 1000, 'fi'],
] as const;
const fitInputs = fitFields.map(([id, label, min, max, key]) =>
  numberField($<HTMLInputElement>(id), byId(`${id}-message`), { label, min, max, onChange(value) { state[key] = value; saveState(); } }));

function fittedTables(fitted: HmmModel, truth: HmmModel): HTMLElement[] {
  const table = (caption: string, rows: string[], columns: string[], values: number[], truthValues: number[]) => {
    const t = document.createElement('table');
    t.createCaption().textContent = caption;
    const head = t.createTHead().insertRow();
    head.append(document.createElement('th'));
    for (const c of columns) {
      const th = document.createElement('th');
      th.textContent = c;
      head.append(th);
    }
    rows.forEach((name, r) => {
      const tr = t.createTBody().insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = name;
      tr.append(th);
      columns.forEach((_, c) => {
        const cell = tr.insertCell();
        const i = r * columns.length + c;
        cell.textContent = values[i].toFixed(3);
        cell.title = `true value ${truthValues[i].toFixed(3)}`;
      });
    });
    return t;
  };
  return [
    table('π (fitted)', ['π'], fitted.states, fitted.start, truth.start),
    table('A (fitted)', fitted.states, fitted.states, fitted.transition, truth.transition),
    table('B (fitted; hover a cell for the true value)', fitted.states, fitted.symbols, fitted.emission, truth.emission),
  ];
}

async function fit(): Promise<void> {
  if (!model) return;
  const controller = new AbortController();
  fitting = controller;
  fitButton.textContent = 'Stop';
  const truth = copy(model);
  const history: number[] = [];
  sayFit(`Sampling ${state.fs} sequences of ${state.fl} and running Baum–Welch from a random model…`);
  const show = (p: HmmFitProgress) => {
    history.push(...p.logLikelihood);
    if (reducedMotion) return; // reduced motion: only the finished fit is drawn
    $('hmm-fit-iteration').textContent = String(p.iteration);
    $('hmm-fit-ll').textContent = fmt(history[history.length - 1], 2);
    $('hmm-fit-model').replaceChildren(...fittedTables(p.model, truth));
    fitChart.setData(history.map((_, i) => i), [history, []]);
  };
  try {
    const r = await engine.run('hmm.fit', { model: truth, sequences: state.fs, length: state.fl, seed: state.seed, iterations: state.fi },
      { signal: controller.signal, onProgress: show });
    $('hmm-fit-iteration').textContent = String(r.iterations);
    $('hmm-fit-ll').textContent = fmt(r.logLikelihood[r.logLikelihood.length - 1], 2);
    $('hmm-fit-true-ll').textContent = fmt(r.trueLogLikelihood, 2);
    $('hmm-fit-model').replaceChildren(...fittedTables(r.model, truth));
    fitChart.setData(r.logLikelihood.map((_, i) => i), [r.logLikelihood, r.logLikelihood.map(() => r.trueLogLikelihood)]);
    const gain = r.logLikelihood[r.logLikelihood.length - 1] - r.logLikelihood[0];
    sayFit(`${r.reason === 'cancelled' ? 'Stopped' : 'Done'} after ${r.iterations} iterations: the log-likelihood rose by ${gain.toFixed(2)}` +
      ` to ${fmt(r.logLikelihood[r.logLikelihood.length - 1], 2)} (the true model: ${fmt(r.trueLogLikelihood, 2)}).`);
  } catch (error) {
    sayFit(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  } finally {
    if (fitting === controller) {
      fitting = null;
      fitButton.textContent = 'Fit';
    }
  }
}
fitButton.addEventListener('click', () => {
  if (fitting) fitStop();
  else void fit();
});

// ---- start -----------------------------------------------------------------------------------------

async function start(): Promise<void> {
  $<HTMLSelectElement>('hmm-model').value = state.model;
  lengthField.set(state.len);
  seedField.set(state.seed);
  fitInputs.forEach((f, i) => f.set(state[fitFields[i][4]]));
  fitButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await loadPreset(state.model, { pi: state.pi, A: state.A, B: state.B });
  if (state.src === 'typed' && state.obs !== '') {
    obsInput.value = state.obs;
    await analyze();
  } else {
    state.src = 'sample';
    await sampleObservations();
  }
  fitButton.disabled = false;
  sayFit('Press Fit: the engine samples the sequences from the model above and learns it back from a random start.');
}

setupExercise('hmm', $<HTMLElement>('exercise'));
void start();
