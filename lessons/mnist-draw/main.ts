// mnist-draw: the controller. The engine worker holds the CNN, prepares each drawing as MNIST was made,
// reads it, trains and scores; this page turns pointer strokes into ink, shows what comes back, and
// keeps the retrain settings in the URL hash (the panel itself is training.ts, the worker's model and
// data session.ts, the learner's stored weights model-store.ts).
import type { MnistModelInfo, MnistReadResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { type Field, HashState, choiceField, intField } from '../../web/site/hash-state';
import { formatSignificant6 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { BRUSHES, type BrushName, INK_SIDE, Sketchpad } from './sketchpad';
import { DigitSession, type ModelSource, say } from './session';
import { LR_MAX, LR_MIN, OPTIMIZERS, TEST_DIGITS, TRAIN_DIGITS, TrainingPanel } from './training';
import { FeatureMapView, FilterView, ProbabilityBars, drawDigit, formatPercent, showLayers, showMistakes } from './views';
import './mnist-draw.css';

const BRUSH_NAMES = Object.keys(BRUSHES) as BrushName[];
const MISTAKES_SHOWN = 60;
/** While training, re-read the drawing with the newest weights at most this often. */
const REREAD_MS = 300;

function decimalHash(defaultValue: number, min: number, max: number): Field<number> {
  return {
    defaultValue,
    parse: (t) => (t.trim() !== '' && Number.isFinite(Number(t)) && Number(t) >= min && Number(t) <= max ? Number(t) : undefined),
    format: formatSignificant6,
  };
}

const hash = new HashState({
  start: choiceField<'scratch' | 'finetune'>('scratch', ['scratch', 'finetune']),
  optimizer: choiceField<(typeof OPTIMIZERS)[number]>('adam', OPTIMIZERS),
  lr: decimalHash(0.003, LR_MIN, LR_MAX),
  batch: intField(64, 1, 1024),
  epochs: intField(2, 1, 30),
  digits: choiceField<(typeof TRAIN_DIGITS)[number]>('60000', TRAIN_DIGITS),
  test: choiceField<(typeof TEST_DIGITS)[number]>('10000', TEST_DIGITS),
  augment: choiceField<'on' | 'off'>('on', ['on', 'off']),
  seed: intField(1, 0, 2 ** 31 - 1),
  brush: choiceField<BrushName>('medium', BRUSH_NAMES),
});
const state = hash.read();
const saveState = () => hash.write(state);

const canvas = $<HTMLCanvasElement>('digit-canvas');
const prediction = $<HTMLElement>('digit-prediction');
const summary = $<HTMLElement>('digit-summary');
const seen = $<HTMLCanvasElement>('digit-seen');
const modelSource = $<HTMLElement>('digit-model-source');
const mistakesButton = $<HTMLButtonElement>('digit-mistakes-load');
const mistakesUi = {
  progress: $<HTMLProgressElement>('digit-mistakes-progress'),
  status: $<HTMLElement>('digit-mistakes-status'),
  retry: $<HTMLButtonElement>('digit-mistakes-retry'),
};
const brushSelect = $<HTMLSelectElement>('digit-brush');

const bars = new ProbabilityBars($('digit-probs'));
const filterView = new FilterView($('digit-filters'));
const mapView = new FeatureMapView($('digit-maps'));
let mapChannels = 16;

function showModel(info: MnistModelInfo, text: string, source: ModelSource): void {
  say(modelSource, text);
  modelSource.dataset.source = source;
  filterView.show(info.filters, info.filterChannels, info.filterSize);
  mapChannels = info.filterChannels;
  $('digit-parameters').textContent = info.parameters.toLocaleString('en-US');
  showLayers($<HTMLTableElement>('digit-layers').tBodies[0], info.layers);
  if (pad.isEmpty()) mapView.clear(mapChannels);
}
const session = new DigitSession(showModel);

// ---- drawing and reading -------------------------------------------------------------------------

const pad = new Sketchpad(canvas, { onChange: (final) => requestRead(final) });
let dirty = false;
let finalPending = false;
let inFlight = false;
let frameRequested = false;
let shownVersion = -1;

/** Reads at most once per animation frame, with never more than one read in flight. */
function requestRead(final: boolean): void {
  dirty = true;
  finalPending ||= final;
  canvas.dataset.reading = 'true';
  schedule();
}

function schedule(): void {
  if (inFlight || frameRequested || !dirty) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    void readNow();
  });
}

async function readNow(): Promise<void> {
  if (!dirty || inFlight) return;
  dirty = false;
  const final = finalPending;
  finalPending = false;
  if (pad.isEmpty()) {
    showEmpty();
  } else {
    inFlight = true;
    try {
      await session.ensureModel();
      const result = await session.call('mnistDraw.read', { ink: pad.inkValues(), width: INK_SIDE, height: INK_SIDE, maps: true });
      if (!pad.isEmpty()) showRead(result, final);
    } catch (error) {
      say(summary, `The engine could not read the drawing: ${(error as Error).message}`, 'error');
    } finally {
      inFlight = false;
    }
  }
  if (dirty) schedule();
  else canvas.dataset.reading = 'false';
}

function showEmpty(): void {
  prediction.textContent = '';
  bars.clear();
  drawDigit(seen, new Float32Array(28 * 28));
  mapView.clear(mapChannels);
  say(summary, 'Draw a digit in the box.');
}

function showRead(result: MnistReadResult, final: boolean): void {
  if (result.empty) return showEmpty();
  shownVersion = result.modelVersion;
  $('digit-model-version').textContent = String(result.modelVersion);
  if (!Array.from(result.probs).every(Number.isFinite)) {
    prediction.textContent = '';
    bars.clear();
    say(summary, 'These weights give no answer: they hold numbers that are not finite (a diverged run?). Reset to the shipped model.', 'error');
    return;
  }
  prediction.textContent = String(result.top);
  bars.show(result.probs, result.top);
  drawDigit(seen, result.digit);
  mapView.show(result.maps, result.mapChannels);
  $('digit-inference-ms').textContent = result.inferenceMs.toFixed(3);
  $('digit-prepare-ms').textContent = result.prepareMs.toFixed(3);
  if (final || summary.dataset.state === 'error') say(summary, describeReading(result.probs, result.top));
}

function describeReading(probs: Float32Array, top: number): string {
  const order = Array.from(probs.keys()).sort((a, b) => probs[b] - probs[a]);
  const second = order[1];
  if (probs[top] >= 0.6) return `Reads ${top}, ${formatPercent(probs[top])} sure.`;
  return `Not sure: most likely ${top} (${formatPercent(probs[top])}), then ${second} (${formatPercent(probs[second])}). Is it a digit?`;
}

/** Times 1,000 readings of the current drawing in the worker and shows the mean per fused step. */
async function profileNow(): Promise<void> {
  const status = $('digit-profile-status');
  const table = $<HTMLTableElement>('digit-profile-table');
  if (pad.isEmpty()) {
    say(status, 'Draw a digit first: the timing runs the network on your drawing.', 'error');
    return;
  }
  const button = $<HTMLButtonElement>('digit-profile');
  button.disabled = true;
  say(status, 'Timing…');
  try {
    await session.ensureModel();
    const result = await session.call('mnistDraw.profile', { ink: pad.inkValues(), width: INK_SIDE, height: INK_SIDE, repeats: 1000 });
    const body = table.tBodies[0];
    body.replaceChildren(...result.steps.map(({ step, microseconds }) => {
      const row = document.createElement('tr');
      const share = result.totalMicroseconds > 0 ? (100 * microseconds) / result.totalMicroseconds : 0;
      for (const [tag, text] of [['th', step], ['td', microseconds.toFixed(1)], ['td', `${share.toFixed(0)}%`]] as const) {
        const cell = document.createElement(tag);
        if (tag === 'th') cell.scope = 'row';
        cell.textContent = text;
        row.append(cell);
      }
      return row;
    }));
    $('digit-profile-total').textContent = result.totalMicroseconds.toFixed(1);
    table.hidden = false;
    say(status, `${(result.totalMicroseconds / 1000).toFixed(3)} ms per reading, the mean of ${result.repeats.toLocaleString('en')} back to back. The single reading above is timed as you draw, so it varies with caches and whatever else this machine is doing.`);
  } catch (error) {
    say(status, `The engine could not time the network: ${(error as Error).message}`, 'error');
  } finally {
    button.disabled = false;
  }
}

$('digit-profile').addEventListener('click', () => void profileNow());
$('digit-clear').addEventListener('click', () => pad.clear());
$('digit-undo').addEventListener('click', () => pad.undo());
canvas.addEventListener('keydown', (event) => {
  if (event.key === 'Delete' || event.key === 'Backspace' || event.key === 'Escape') {
    event.preventDefault();
    pad.clear();
  } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
    event.preventDefault();
    pad.undo();
  }
});
brushSelect.addEventListener('change', () => {
  state.brush = brushSelect.value as BrushName;
  pad.brush = state.brush;
  saveState();
});

// ---- misread test digits -----------------------------------------------------------------------

let mistakesWanted = false;

async function showMistakesNow(): Promise<void> {
  mistakesWanted = true;
  mistakesButton.disabled = true;
  try {
    await session.ensureModel();
    await session.ensureData('test', mistakesUi);
    say(mistakesUi.status, 'Scoring the 10,000 test digits…');
    const result = await session.call('mnistDraw.mistakes', { limit: MISTAKES_SHOWN });
    showMistakes($('digit-mistakes'), result);
    say(
      mistakesUi.status,
      `It misreads ${result.wrong.toLocaleString('en-US')} of ${result.scored.toLocaleString('en-US')} test digits ` +
        `(${formatPercent(result.accuracy)} right). ${result.labels.length < result.wrong ? `The first ${result.labels.length}` : 'All of them'}: ` +
        'true label → what it read, and how sure it was.',
    );
    mistakesButton.textContent = 'Score again';
  } catch (error) {
    if (mistakesUi.retry.hidden) say(mistakesUi.status, `Could not score the test digits: ${(error as Error).message}`, 'error');
  } finally {
    mistakesButton.disabled = false;
  }
}
mistakesButton.addEventListener('click', () => void showMistakesNow());
mistakesUi.retry.addEventListener('click', () => void showMistakesNow());

// ---- retraining --------------------------------------------------------------------------------

let lastReread = 0;
const training = new TrainingPanel(session, state, {
  saveSettings: saveState,
  weightsMoved(modelVersion) {
    const now = performance.now();
    if (modelVersion !== shownVersion && !pad.isEmpty() && now - lastReread >= REREAD_MS) {
      lastReread = now;
      requestRead(false);
    }
  },
  modelChanged() {
    requestRead(true);
    if (mistakesWanted) void showMistakesNow();
  },
});

// ---- start -------------------------------------------------------------------------------------

async function start(): Promise<void> {
  brushSelect.value = state.brush;
  pad.brush = state.brush;
  saveState();
  showEmpty();
  canvas.dataset.reading = 'false';
  const info = await showEngineStatus();
  if (!info) {
    say(modelSource, 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  try {
    await session.ensureModel();
    training.enable();
    canvas.dataset.ready = 'true';
  } catch (error) {
    say(modelSource, `Could not load the model: ${(error as Error).message}. Reload the page to try again.`, 'error');
  }
}

setupExercise('mnist-draw', $<HTMLElement>('exercise'));
void start();
