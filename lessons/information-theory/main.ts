// information-theory: the controller. The engine worker applies each drag (rescaling the other
// outcomes), checks the distributions and computes entropy, cross-entropy, KL both ways with each
// outcome's term and the loss curves; this page validates the typed lists, keeps them in the URL
// hash and draws what comes back.
import { EngineClient } from '../../web/engine/client';
import type { InformationMeasures, InformationParams, InformationUnit } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { type Field, HashState, choiceField } from '../../web/site/hash-state';
import { parseDecimal } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { DistributionBars, TermBars } from './bars';
import './information-theory.css';

const NAMES = ['cat', 'dog', 'fox', 'owl', 'bee', 'ant', 'elk', 'yak', 'emu', 'eel', 'cod', 'ram'];
const MAX_OUTCOMES = NAMES.length;
const P_COLOR = '#2563eb', Q_COLOR = '#ea580c';
const CLASSES = ['none', ...NAMES.map((_, i) => String(i))] as const;

/** "0.5, 0.25, 0.25" -> [0.5, 0.25, 0.25]; undefined unless 1 to 12 numbers. */
function parseList(text: string): number[] | undefined {
  const items = text.split(',').map((t) => parseDecimal(t));
  return items.length >= 1 && items.length <= MAX_OUTCOMES && items.every((v) => v !== undefined) ? (items as number[]) : undefined;
}
/** Six decimals: enough that a shown list still sums to 1 within the engine's 1e-5. */
const formatList = (values: ArrayLike<number>) => Array.from(values, (v) => String(+v.toFixed(6))).join(', ');
function listField(defaultValue: number[]): Field<number[]> {
  return { defaultValue, parse: (t) => parseList(t), format: (v) => formatList(v).replace(/\s/g, '') };
}

const hash = new HashState({
  p: listField([0.5, 0.3, 0.1, 0.05, 0.05]),
  q: listField([0.2, 0.2, 0.2, 0.2, 0.2]),
  unit: choiceField<InformationUnit>('bits', ['bits', 'nats']),
  cls: choiceField<(typeof CLASSES)[number]>('none', CLASSES),
});
const state = hash.read();
const saveState = () => hash.write(state);

const engine = EngineClient.shared();
const pInput = $<HTMLInputElement>('it-p');
const qInput = $<HTMLInputElement>('it-q');
const unitSelect = $<HTMLSelectElement>('it-unit');
const classSelect = $<HTMLSelectElement>('it-class');
const labels = () => NAMES.slice(0, state.p.length);

const pBars = new DistributionBars($<HTMLCanvasElement>('it-p-bars'), 'p', P_COLOR, labels(), (i, v) => void update({ which: 'p', index: i, value: v }));
const qBars = new DistributionBars($<HTMLCanvasElement>('it-q-bars'), 'q', Q_COLOR, labels(), (i, v) => void update({ which: 'q', index: i, value: v }));
const terms = new TermBars($<HTMLCanvasElement>('it-terms'));
const lossChart = new LineChart($('it-loss-plot'), {
  x: { label: 'q of the true class', range: [0, 1] },
  y: { label: 'loss' },
  series: [
    { label: 'cross-entropy −log q', color: Q_COLOR },
    { label: 'squared error (1 − q)²', color: '#64748b', dash: [6, 4] },
  ],
  height: 240,
  description: 'The cross-entropy and the squared error of a one-hot target against the predicted probability of the true class.',
});

/** Typed lists not yet accepted, so p and q of a new length can be typed one after the other. */
const drafts: { p?: number[]; q?: number[] } = {};

const value = (v: number) => (Number.isFinite(v) ? `${v.toFixed(4)} ${state.unit}` : '∞');

/** Shows the engine's reason next to the list it is about (or in the status line when it is about
 *  both); `problem` null clears every message. */
function showProblem(which: 'p' | 'q' | null, problem: string | null): void {
  const message = problem === null ? '' : `${problem}. Keeping the last valid distributions.`;
  for (const [name, input] of [['p', pInput], ['q', qInput]] as const) {
    const mine = problem !== null && which === name;
    $(`it-${name}-message`).textContent = mine ? message : '';
    if (mine) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
  // A rejected list is dropped; a list waiting for its partner of the same length is kept.
  if (which !== null) delete drafts[which];
  say(problem !== null && which === null ? message : '', 'error');
}

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  const status = $('it-status');
  status.textContent = text;
  status.dataset.state = kind;
}

function show(m: InformationMeasures): void {
  delete drafts.p;
  delete drafts.q;
  state.p = Array.from(m.p);
  state.q = Array.from(m.q);
  saveState();
  pInput.value = formatList(m.p);
  qInput.value = formatList(m.q);
  pBars.locked = state.cls !== 'none';
  pBars.set(m.p, labels());
  qBars.set(m.q, labels());
  $('it-hp').textContent = value(m.entropyP);
  $('it-hq').textContent = value(m.entropyQ);
  $('it-ce').textContent = value(m.crossEntropy);
  $('it-kl-pq').textContent = value(m.klPQ);
  $('it-kl-qp').textContent = value(m.klQP);
  terms.set([
    { label: 'KL(p‖q)', color: P_COLOR, values: m.terms.klPQ },
    { label: 'KL(q‖p)', color: Q_COLOR, values: m.terms.klQP },
  ], labels());
  lossChart.setData(Array.from(m.lossCurves.q), [Array.from(m.lossCurves.crossEntropy), Array.from(m.lossCurves.squaredError)]);
  const y = state.cls === 'none' ? -1 : Number(state.cls);
  $('it-loss').textContent = y < 0
    ? 'Choose a true class above to make p one-hot.'
    : `True class ${NAMES[y]}: q gives it ${m.q[y].toFixed(4)}, so the loss is −log q = ${value(m.crossEntropy)} = H(p, q) = KL(p‖q), and H(p) = ${value(m.entropyP)}.`;
}

/** One engine call at a time; while one runs, only the newest request waits (a drag sends many). */
let busy = false;
let waiting: InformationParams | null = null;
async function update(edit: InformationParams['edit'] = null, p = state.p, q = state.q): Promise<void> {
  waiting = { p, q, unit: state.unit, edit };
  if (busy) return;
  busy = true;
  try {
    while (waiting) {
      const params: InformationParams = waiting.edit ? { ...waiting, p: state.p, q: state.q } : waiting;
      waiting = null;
      const result = await engine.run('informationTheory.measure', params);
      if (result.problem !== null) {
        showProblem(result.which, result.problem);
        continue;
      }
      showProblem(null, null);
      show(result);
    }
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  } finally {
    busy = false;
  }
}

function oneHot(length: number, index: number): number[] {
  return Array.from({ length }, (_, i) => (i === index ? 1 : 0));
}

function fillClasses(): void {
  classSelect.replaceChildren(new Option('none', 'none'), ...labels().map((name, i) => new Option(name, String(i))));
  classSelect.value = Number(state.cls) < state.p.length ? state.cls : 'none';
}

function commitList(input: HTMLInputElement, which: 'p' | 'q'): void {
  const parsed = parseList(input.value);
  if (!parsed) {
    showProblem(which, `${which} must be 1 to ${MAX_OUTCOMES} numbers separated by commas, such as 0.5, 0.25, 0.25; got “${input.value.trim()}”`);
    return;
  }
  if (which === 'p') state.cls = 'none';
  drafts[which] = parsed;
  void update(null, drafts.p ?? state.p, drafts.q ?? state.q).then(fillClasses);
}
for (const [input, which] of [[pInput, 'p'], [qInput, 'q']] as const) {
  input.addEventListener('change', () => commitList(input, which));
  input.addEventListener('keydown', (e) => e.key === 'Enter' && commitList(input, which));
}
unitSelect.addEventListener('change', () => {
  state.unit = unitSelect.value as InformationUnit;
  void update();
});
classSelect.addEventListener('change', () => {
  state.cls = classSelect.value as (typeof CLASSES)[number];
  if (state.cls !== 'none') void update(null, oneHot(state.p.length, Number(state.cls)), state.q);
  else void update();
});
$('it-q-equal').addEventListener('click', () => void update(null, state.p, [...state.p]));
$('it-q-uniform').addEventListener('click', () => void update(null, state.p, state.p.map(() => 1 / state.p.length)));
$('it-q-miss').addEventListener('click', () => {
  // Move all of q's weight off the outcome p favours most.
  const top = state.p.indexOf(Math.max(...state.p));
  void update({ which: 'q', index: top, value: 0 });
});

async function start(): Promise<void> {
  unitSelect.value = state.unit;
  pInput.value = formatList(state.p);
  qInput.value = formatList(state.q);
  fillClasses();
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  if (state.cls !== 'none' && Number(state.cls) < state.p.length) state.p = oneHot(state.p.length, Number(state.cls));
  await update();
}

setupExercise('information-theory', $('exercise'));
void start();
