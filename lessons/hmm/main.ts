// hmm: the controller. The engine worker checks the model, reads the observations, runs the forward
// algorithm, Viterbi and forward–backward, samples sequences and runs Baum–Welch; this page edits the
// matrices, keeps the setup in the URL hash and says which view to redraw (decoding-views.ts, fit-panel.ts).
import { EngineClient } from '../../web/engine/client';
import type { HmmModel, HmmPresetName } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $, byId } from '../../web/site/dom';
import { type Field, HashState, choiceField, intField } from '../../web/site/hash-state';
import { parseDecimal } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import type { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { type Decoding, drawTrellis, fillAlphaTable, makePosteriorChart, showDecoding, showLegend } from './decoding-views';
import { FitPanel } from './fit-panel';
import './hmm.css';

const PRESETS = ['casino', 'weather', 'fever'] as const;

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

const engine = EngineClient.shared();

const statusLine = $('hmm-status');
function say(text: string, kind: 'info' | 'error' = 'info'): void {
  statusLine.textContent = text;
  statusLine.dataset.state = kind;
}

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
  showLegend(s);
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

// ---- decoding (decoding-views.ts) ---------------------------------------------------------------

const trellis = $<HTMLCanvasElement>('hmm-trellis');
let posteriorChart: LineChart | null = null;
let lastResult: Decoding | null = null;
/** The true hidden states, while the observations shown are the sampled ones. */
const trueStates = () => (hidden && state.src === 'sample' ? hidden : null);
const redrawTrellis = () => drawTrellis(trellis, model, lastResult, trueStates());
new ResizeObserver(redrawTrellis).observe(trellis);

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

function showResult(r: Decoding): void {
  showDecoding(model!, r, posteriorChart);
  redrawTrellis();
  fillAlphaTable(model!, r, trueStates());
  const T = r.observations.length;
  const source = state.src === 'sample' ? `${T} observations sampled from the model (seed ${state.seed})` : `${T} typed observations`;
  say(`${source}: forward, Viterbi and forward–backward done.`);
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
  posteriorChart = makePosteriorChart(preset.states);
}

$<HTMLSelectElement>('hmm-model').addEventListener('change', async (e) => {
  state.model = (e.target as HTMLSelectElement).value as HmmPresetName;
  fitPanel.stop();
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

// ---- Baum–Welch (fit-panel.ts) ---------------------------------------------------------------------

const fitPanel = new FitPanel(engine, state, saveState, () => model && copy(model));

// ---- start -----------------------------------------------------------------------------------------

async function start(): Promise<void> {
  $<HTMLSelectElement>('hmm-model').value = state.model;
  lengthField.set(state.len);
  seedField.set(state.seed);
  fitPanel.showSettings();
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
  fitPanel.enable();
}

setupExercise('hmm', $<HTMLElement>('exercise'));
void start();
