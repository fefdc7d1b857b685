// genetic-algorithm: the controller. The engine worker breeds the generations (strings toward the
// target, or tours through the cities); this page keeps the settings in the URL hash, sends them,
// and draws the frames that come back: the fittest strings, the best tour, the two curves.
import { EngineClient } from '../../web/engine/client';
import type { GaPace, GaStringsFrame, GaStringsResult, GaTourFrame, GaTourResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $, byId } from '../../web/site/dom';
import { type Field, HashState, choiceField, intField } from '../../web/site/hash-state';
import { decimalField, formatSignificant6, parseDecimal } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { TourCanvas } from './tour-canvas';
import './genetic-algorithm.css';

const SHOW = 12;
const MAX_GENERATIONS = 100_000;
const BEST_COLOR = '#2563eb', MEAN_COLOR = '#94a3b8';
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;

function textField(defaultValue: string): Field<string> {
  return { defaultValue, parse: (t) => (t.length > 0 && t.length <= 400 ? t : undefined), format: (v) => v };
}
function rateField(defaultValue: number): Field<number> {
  return { defaultValue, parse: (t) => { const v = parseDecimal(t); return v !== undefined && v >= 0 && v <= 1 ? v : undefined; }, format: formatSignificant6 };
}
/** Cities as "x,y;x,y;…" with three decimals; '' means "random cities from cseed". */
const citiesField: Field<number[]> = {
  defaultValue: [],
  parse(text) {
    if (text === '') return [];
    const xy = text.split(/[;,]/).map(Number);
    return xy.length % 2 === 0 && xy.length >= 6 && xy.length <= 400 && xy.every((v) => Number.isFinite(v) && v >= 0 && v <= 1) ? xy : undefined;
  },
  format: (xy) => xy.reduce((out, v, i) => out + (i === 0 ? '' : i % 2 ? ',' : ';') + String(+v.toFixed(3)), ''),
};

const hash = new HashState({
  target: textField('Hello world'),
  pop: intField(200, 2, 10_000),
  mut: rateField(0.01),
  elit: choiceField<'on' | 'off'>('on', ['on', 'off']),
  seed: intField(1, 0, 2 ** 32),
  pace: choiceField<GaPace>('fast', ['fast', 'slow']),
  ncity: intField(20, 3, 200),
  cseed: intField(1, 0, 2 ** 32),
  cities: citiesField,
  tpop: intField(200, 2, 10_000),
  tmut: rateField(0.01),
  telit: choiceField<'on' | 'off'>('on', ['on', 'off']),
});
const state = hash.read();
const saveState = () => hash.write(state);

const engine = EngineClient.shared();
const count = (n: number) => n.toLocaleString('en-US');

function statusLine(testId: string) {
  const el = $(testId);
  return (text: string, kind: 'info' | 'error' = 'info') => {
    el.textContent = text;
    el.dataset.state = kind;
  };
}

/** One run at a time per demo: `start` stops the current one first; changes queue behind it. */
class Runner {
  private queue: Promise<void> = Promise.resolve();
  private controller: AbortController | null = null;
  constructor(private readonly onError: (message: string) => void) {}
  get running(): boolean {
    return this.controller !== null;
  }
  stop(): void {
    this.controller?.abort();
  }
  /** Queues `fn` (after stopping what runs); `fn` gets the signal to pass to the engine. */
  then(fn: (signal: AbortSignal) => Promise<void>): Promise<void> {
    this.stop();
    const next = this.queue.then(async () => {
      const controller = new AbortController();
      this.controller = controller;
      try {
        await fn(controller.signal);
      } finally {
        if (this.controller === controller) this.controller = null;
      }
    }).catch((error: unknown) => this.onError((error as Error).message));
    this.queue = next;
    return next;
  }
}

// ---- strings ---------------------------------------------------------------------------------

const sSay = statusLine('ga-status');
const sRunner = new Runner((m) => sSay(`The engine stopped with an error: ${m}`, 'error'));
const sRun = $<HTMLButtonElement>('ga-run');
const targetInput = $<HTMLInputElement>('ga-target');
const targetMessage = $('ga-target-message');
const mutationSlider = $<HTMLInputElement>('ga-mutation');
const elitismBox = $<HTMLInputElement>('ga-elitism');
const paceSelect = $<HTMLSelectElement>('ga-pace');
const sChart = new LineChart($('ga-plot'), {
  x: { label: 'generation' },
  y: { label: 'distance d', log: true },
  series: [
    { label: 'best string', color: BEST_COLOR },
    { label: 'population mean', color: MEAN_COLOR },
  ],
  height: 240,
  description: 'Distance to the target of the best string and the population mean against the generation, on a log scale.',
});
let sGeneration = 0;
/** Bumped by every reset: frames of a run started before it are dropped. */
let sEpoch = 0;
let sHistory = { g: [] as number[], best: [] as (number | null)[], mean: [] as number[] };
let sLastDraw = 0;

const sPopulationField = numberField($<HTMLInputElement>('ga-population'), byId('ga-population-message'), {
  label: 'Population', min: 2, max: 10_000,
  onChange(value) { state.pop = value; stringsChanged(); },
});
const sMutationField = decimalField($<HTMLInputElement>('ga-mutation-text'), byId('ga-mutation-message'), {
  label: 'Mutation rate', min: 0, max: 1, quote: 'not', format: formatSignificant6,
  onChange(value) { state.mut = value; showMutation(); stringsChanged(); },
});
const sSeedField = numberField($<HTMLInputElement>('ga-seed'), byId('ga-seed-message'), {
  label: 'Seed', min: 0, max: 2 ** 32,
  onChange(value) { state.seed = value; stringsChanged(); },
});

function showMutation(): void {
  $('ga-mutation-value').textContent = formatSignificant6(state.mut);
  mutationSlider.value = String(Math.min(state.mut, 0.2));
  sMutationField.set(state.mut);
}

/** The target with each letter marked as matching or not (display only: equality, no scoring). */
function marked(text: string): DocumentFragment {
  const out = document.createDocumentFragment();
  for (let i = 0; i < text.length; i++) {
    const span = document.createElement('span');
    span.className = text[i] === state.target[i] ? 'ga-match' : 'ga-miss';
    span.textContent = text[i];
    out.append(span);
  }
  return out;
}

function showStrings(f: GaStringsFrame, force = false): void {
  for (let i = 0; i < f.historyGeneration.length; i++) {
    sHistory.g.push(f.historyGeneration[i]);
    sHistory.best.push(f.historyBest[i] > 0 ? f.historyBest[i] : null); // log axis: 0 is a gap
    sHistory.mean.push(f.historyMean[i]);
  }
  sGeneration = f.generation;
  const now = performance.now();
  if (!force && reducedMotion && now - sLastDraw < 500) return; // reduced motion: at most 2 redraws a second
  sLastDraw = now;
  $('ga-generation').textContent = count(f.generation);
  $('ga-best-distance').textContent = count(f.bestDistance);
  $('ga-best-fitness').textContent = f.bestFitness.toFixed(4);
  $('ga-mean-fitness').textContent = f.meanFitness.toFixed(4);
  if (f.generationsPerSecond > 0) $('ga-rate').textContent = count(Math.round(f.generationsPerSecond));
  $('ga-best').replaceChildren(marked(f.best));
  $('ga-best').setAttribute('aria-label', `Best string: ${f.best}`);
  $('ga-population-list').replaceChildren(...f.top.map((s, i) => {
    const item = document.createElement('li');
    item.append(marked(s));
    const d = document.createElement('span');
    d.className = 'ga-d';
    d.textContent = `d = ${f.topDistance[i]}`;
    item.append(d);
    return item;
  }));
  sChart.setData(sHistory.g, [sHistory.best, sHistory.mean]);
}

/** Breeds up to `generations` from the current generation (0: only show it). */
function breedStrings(generations: number): Promise<void> {
  const epoch = sEpoch;
  return sRunner.then(async (signal) => {
    if (epoch !== sEpoch) return;
    setRunning(sRun, generations > 1);
    if (generations > 1) sSay(sGeneration === 0 ? 'Evolving…' : `Evolving from generation ${count(sGeneration)}…`);
    try {
      const result: GaStringsResult = await engine.run('geneticAlgorithm.strings', {
        target: state.target, population: state.pop, mutationRate: state.mut, elitism: state.elit === 'on', seed: state.seed,
        fromGeneration: sGeneration, generations, pace: state.pace, show: SHOW,
      }, { signal, onProgress: (f) => { if (epoch === sEpoch) showStrings(f); } });
      if (epoch !== sEpoch) return;
      showStrings(result, true);
      if (result.reason === 'solved') sSay(`Reached the target in ${count(result.generation)} generations.`);
      else if (result.reason === 'cancelled') sSay(`Paused at generation ${count(result.generation)}.`);
      else if (generations === 0) sSay(result.generation === 0 ? 'Generation 0: random strings. Press Run.' : '');
      else if (generations === 1) sSay(`Bred generation ${count(result.generation)}.`);
      else sSay(`Stopped at the limit of ${count(MAX_GENERATIONS)} generations.`);
    } finally {
      setRunning(sRun, false);
    }
  });
}

/** A setting changed: back to generation 0 with the new settings (running again if it was running). */
function stringsChanged(): void {
  saveState();
  const wasRunning = sRunner.running;
  sRunner.stop();
  sEpoch += 1;
  sGeneration = 0;
  sHistory = { g: [], best: [], mean: [] };
  void breedStrings(0);
  if (wasRunning) void breedStrings(MAX_GENERATIONS);
}

async function commitTarget(): Promise<void> {
  const text = targetInput.value;
  if (text === state.target) {
    targetMessage.textContent = '';
    targetInput.removeAttribute('aria-invalid');
    return;
  }
  const { problem } = await engine.run('geneticAlgorithm.checkTarget', { target: text });
  if (problem) {
    targetInput.setAttribute('aria-invalid', 'true');
    targetMessage.textContent = `Target ${problem.replace(/^target: /, '')}; keeping “${state.target}”.`;
    return;
  }
  targetInput.removeAttribute('aria-invalid');
  targetMessage.textContent = '';
  state.target = text;
  stringsChanged();
}

function setRunning(button: HTMLButtonElement, on: boolean): void {
  button.textContent = on ? 'Pause' : 'Run';
  button.setAttribute('aria-pressed', String(on));
}

targetMessage.setAttribute('role', 'alert');
targetInput.setAttribute('aria-describedby', 'ga-target-message');
targetInput.addEventListener('change', () => void commitTarget());
targetInput.addEventListener('keydown', (e) => { if (e.key === 'Enter') void commitTarget(); });
mutationSlider.addEventListener('input', () => {
  state.mut = Number(mutationSlider.value);
  showMutation();
  stringsChanged();
});
elitismBox.addEventListener('change', () => { state.elit = elitismBox.checked ? 'on' : 'off'; stringsChanged(); });
paceSelect.addEventListener('change', () => {
  state.pace = paceSelect.value as GaPace;
  saveState();
  if (sRunner.running) void breedStrings(MAX_GENERATIONS); // continue at the new pace
});
// The button's own state decides (a Step that is just finishing must not turn Run into Pause).
sRun.addEventListener('click', () => {
  if (sRun.getAttribute('aria-pressed') === 'true') sRunner.stop();
  else void breedStrings(MAX_GENERATIONS);
});
$('ga-step').addEventListener('click', () => void breedStrings(1));
$('ga-reset').addEventListener('click', () => stringsChanged());

// ---- tours -----------------------------------------------------------------------------------

const tSay = statusLine('tsp-status');
const tRunner = new Runner((m) => tSay(`The engine stopped with an error: ${m}`, 'error'));
const tRun = $<HTMLButtonElement>('tsp-run');
const tMutationSlider = $<HTMLInputElement>('tsp-mutation');
const tElitismBox = $<HTMLInputElement>('tsp-elitism');
const mapMessage = $('tsp-map-message');
const tChart = new LineChart($('tsp-plot'), {
  x: { label: 'generation' },
  y: { label: 'tour length' },
  series: [
    { label: 'shortest tour', color: BEST_COLOR },
    { label: 'population mean', color: MEAN_COLOR },
  ],
  height: 240,
  description: 'Length of the shortest tour and the population mean against the generation.',
});
let cities: number[] = [];
let tGeneration = 0;
let tEpoch = 0;
let tHistory = { g: [] as number[], best: [] as number[], mean: [] as number[] };
let tLastDraw = 0;

const map = new TourCanvas($<HTMLCanvasElement>('tsp-canvas'), (xy) => {
  if (xy.length < 6) {
    mapMessage.textContent = `A tour needs at least 3 cities; there ${xy.length === 2 ? 'is 1' : `are ${xy.length / 2}`}. Click the map to add more.`;
  } else if (xy.length > 400) {
    mapMessage.textContent = 'At most 200 cities; the last one was not added.';
    map.setCities(cities);
    return;
  } else {
    mapMessage.textContent = '';
  }
  cities = xy;
  state.cities = xy.length >= 6 ? xy : [];
  toursChanged();
});
const tCountField = numberField($<HTMLInputElement>('tsp-count'), byId('tsp-count-message'), {
  label: 'Random cities', min: 3, max: 200,
  onChange(value) { state.ncity = value; saveState(); },
});
const tPopulationField = numberField($<HTMLInputElement>('tsp-population'), byId('tsp-population-message'), {
  label: 'Population', min: 2, max: 10_000,
  onChange(value) { state.tpop = value; toursChanged(); },
});

function showTour(f: GaTourFrame, force = false): void {
  for (let i = 0; i < f.historyGeneration.length; i++) {
    tHistory.g.push(f.historyGeneration[i]);
    tHistory.best.push(f.historyBest[i]);
    tHistory.mean.push(f.historyMean[i]);
  }
  tGeneration = f.generation;
  const now = performance.now();
  if (!force && reducedMotion && now - tLastDraw < 500) return;
  tLastDraw = now;
  $('tsp-generation').textContent = count(f.generation);
  $('tsp-best').textContent = f.bestLength.toFixed(4);
  $('tsp-mean').textContent = f.meanLength.toFixed(4);
  if (f.generationsPerSecond > 0) $('tsp-rate').textContent = count(Math.round(f.generationsPerSecond));
  map.setTour(f.bestTour);
  tChart.setData(tHistory.g, [tHistory.best, tHistory.mean]);
}

function breedTours(generations: number): Promise<void> {
  const epoch = tEpoch;
  return tRunner.then(async (signal) => {
    if (epoch !== tEpoch) return;
    $('tsp-cities').textContent = String(cities.length / 2);
    if (cities.length < 6) {
      tSay('Add at least 3 cities to evolve a tour.');
      return;
    }
    setRunning(tRun, generations > 0);
    if (generations > 0) tSay('Evolving tours…');
    try {
      const result: GaTourResult = await engine.run('geneticAlgorithm.tour', {
        xy: cities, population: state.tpop, mutationRate: state.tmut, elitism: state.telit === 'on', seed: state.seed,
        fromGeneration: tGeneration, generations, pace: state.pace,
      }, { signal, onProgress: (f) => { if (epoch === tEpoch) showTour(f); } });
      if (epoch !== tEpoch) return;
      showTour(result, true);
      if (result.reason === 'cancelled') tSay(`Paused at generation ${count(result.generation)}: shortest tour ${result.bestLength.toFixed(4)}.`);
      else if (generations === 0) tSay(`Generation 0: ${count(state.tpop)} random tours. Press Run.`);
      else tSay(`Stopped at the limit of ${count(MAX_GENERATIONS)} generations.`);
    } finally {
      setRunning(tRun, false);
    }
  });
}

function toursChanged(): void {
  saveState();
  const wasRunning = tRunner.running;
  tRunner.stop();
  tEpoch += 1;
  tGeneration = 0;
  tHistory = { g: [], best: [], mean: [] };
  void breedTours(0);
  if (wasRunning) void breedTours(MAX_GENERATIONS);
}

async function randomCities(): Promise<void> {
  const { xy } = await engine.run('geneticAlgorithm.cities', { count: state.ncity, seed: state.cseed });
  cities = xy;
  map.setCities(xy);
  mapMessage.textContent = '';
}

tMutationSlider.addEventListener('input', () => {
  state.tmut = Number(tMutationSlider.value);
  $('tsp-mutation-value').textContent = formatSignificant6(state.tmut);
  toursChanged();
});
tElitismBox.addEventListener('change', () => { state.telit = tElitismBox.checked ? 'on' : 'off'; toursChanged(); });
tRun.addEventListener('click', () => {
  if (tRun.getAttribute('aria-pressed') === 'true') tRunner.stop();
  else void breedTours(MAX_GENERATIONS);
});
$('tsp-reset').addEventListener('click', () => toursChanged());
$('tsp-random').addEventListener('click', () => {
  state.cseed += 1;
  state.cities = [];
  tRunner.stop();
  void tRunner.then(async () => randomCities()).then(() => toursChanged());
});
$('tsp-clear').addEventListener('click', () => {
  tRunner.stop();
  tEpoch += 1;
  cities = [];
  state.cities = [];
  map.setCities([]);
  mapMessage.textContent = 'The map is empty: click to place at least 3 cities.';
  tGeneration = 0;
  tHistory = { g: [], best: [], mean: [] };
  tChart.setData([], [[], []]);
  for (const id of ['tsp-generation', 'tsp-best', 'tsp-mean', 'tsp-rate']) $(id).textContent = '–';
  $('tsp-cities').textContent = '0';
  tSay('');
  saveState();
});

// ---- start -----------------------------------------------------------------------------------

async function start(): Promise<void> {
  targetInput.value = state.target;
  sPopulationField.set(state.pop);
  sSeedField.set(state.seed);
  showMutation();
  elitismBox.checked = state.elit === 'on';
  paceSelect.value = state.pace;
  tCountField.set(state.ncity);
  tPopulationField.set(state.tpop);
  tMutationSlider.value = String(Math.min(state.tmut, 0.2));
  $('tsp-mutation-value').textContent = formatSignificant6(state.tmut);
  tElitismBox.checked = state.telit === 'on';
  for (const b of [sRun, tRun]) b.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    sSay('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  const { problem } = await engine.run('geneticAlgorithm.checkTarget', { target: state.target });
  if (problem) {
    targetMessage.textContent = `The link's target ${problem.replace(/^target: /, '')}; using “Hello world”.`;
    state.target = 'Hello world';
    targetInput.value = state.target;
  }
  if (state.cities.length >= 6) {
    cities = state.cities;
    map.setCities(cities);
  } else {
    await randomCities();
  }
  saveState();
  for (const b of [sRun, tRun]) b.disabled = false;
  void breedStrings(0);
  void breedTours(0);
}

setupExercise('genetic-algorithm', $<HTMLElement>('exercise'));
void start();
