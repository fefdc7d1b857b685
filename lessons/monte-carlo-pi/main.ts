// monte-carlo-pi: the controller. The engine worker throws and counts the darts; this page keeps the
// running totals, draws a sample of darts and the error plot, and keeps the controls in the URL hash.
import { EngineClient } from '../../web/engine/client';
import type { PiProgress } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, intField } from '../../web/site/hash-state';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { Dartboard } from './dartboard';

const SIGMA = Math.sqrt(Math.PI * (4 - Math.PI)); // standard deviation of one dart's score 4X
const STOPS = ['0', '1000000', '10000000', '100000000', '1000000000', '10000000000'] as const;
const MAX_BATCH = 100_000_000;

const hash = new HashState({
  seed: intField(1, 0, Number.MAX_SAFE_INTEGER),
  batch: intField(1_000_000, 1, MAX_BATCH),
  threads: intField(0, 0, 64), // 0: all available
  stop: choiceField<(typeof STOPS)[number]>('0', STOPS),
});

const runButton = $<HTMLButtonElement>('pi-run');
const resetButton = $<HTMLButtonElement>('pi-reset');
const stopSelect = $<HTMLSelectElement>('pi-stop');
const status = $<HTMLElement>('pi-status');
const dartboard = new Dartboard($<HTMLCanvasElement>('pi-canvas'));
const chart = new LineChart($<HTMLElement>('pi-plot'), {
  x: { label: 'darts thrown, n', log: true },
  y: { label: '|estimate − π|', log: true, range: [1e-7, 1] },
  series: [
    { label: '|estimate − π|', color: '#2563eb' },
    { label: 'σ/√n', color: '#0f172a', dash: [6, 4], width: 1.5 },
    { label: '1.96 σ/√n', color: '#94a3b8', width: 1 },
    { label: '', color: 'transparent', width: 0, helper: true },
  ],
  bands: [{ upper: 2, lower: 3, fill: 'rgba(148, 163, 184, 0.22)' }],
  description: 'Log-log plot of the absolute error of the estimate against the number of darts, with the 1 over square root of n band.',
});

const engine = EngineClient.shared();
const state = hash.read();
let totals = { samples: 0, inside: 0 };
let history = { n: [] as number[], error: [] as (number | null)[] };
let running: { controller: AbortController; done: Promise<void> } | null = null;
let maxThreads = 1;

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const saveState = () => hash.write(state);

const batchField = numberField($<HTMLInputElement>('pi-batch'), document.getElementById('pi-batch-message')!, {
  label: 'Darts per batch',
  min: 1,
  max: MAX_BATCH,
  onChange(value) {
    state.batch = value;
    saveState();
    void restartIfRunning();
  },
});
const seedField = numberField($<HTMLInputElement>('pi-seed'), document.getElementById('pi-seed-message')!, {
  label: 'Seed',
  min: 0,
  max: Number.MAX_SAFE_INTEGER,
  onChange(value) {
    state.seed = value;
    saveState();
    void reset().then(() => say(`New seed ${value}: a different stream of darts, starting from zero.`));
  },
});
const threadsField = numberField($<HTMLInputElement>('pi-threads'), document.getElementById('pi-threads-message')!, {
  label: 'Threads',
  min: 1,
  max: 1,
  onChange(value) {
    state.threads = value;
    saveState();
    void restartIfRunning();
  },
});

function render(p: { samples: number; inside: number; estimate: number; stderr: number }, rate?: number): void {
  $('pi-samples').textContent = p.samples.toLocaleString('en-US');
  $('pi-estimate').textContent = p.samples > 0 ? p.estimate.toFixed(7) : '–';
  $('pi-error').textContent = p.samples > 0 ? Math.abs(p.estimate - Math.PI).toExponential(2) : '–';
  $('pi-stderr').textContent = p.samples > 0 ? p.stderr.toExponential(2) : '–';
  if (rate !== undefined) $('pi-rate').textContent = Math.round(rate).toLocaleString('en-US');
}

function record(p: PiProgress): void {
  const last = history.n.at(-1) ?? 0;
  if (p.samples < last * 1.02) return; // keep the plot light: about 100 points per decade
  const error = Math.abs(p.estimate - Math.PI);
  history.n.push(p.samples);
  history.error.push(error > 0 ? error : null);
  const band = history.n.map((n) => SIGMA / Math.sqrt(n));
  chart.setData(history.n, [history.error, band, band.map((b) => 1.96 * b), band.map(() => 1e-7)]);
}

async function run(): Promise<void> {
  const stopAt = Number(state.stop);
  if (stopAt > 0 && totals.samples >= stopAt) {
    say(`Already at ${stopAt.toLocaleString('en-US')} darts: choose a later “Stop after” or press Reset.`);
    return;
  }
  const controller = new AbortController();
  let finish!: () => void;
  running = { controller, done: new Promise((resolve) => (finish = resolve)) };
  setRunning(true);
  say('Throwing darts…');
  try {
    const result = await engine.run(
      'pi.run',
      {
        seed: state.seed,
        samples: totals.samples,
        inside: totals.inside,
        batch: state.batch,
        threads: Math.min(state.threads || maxThreads, maxThreads),
        stopAt,
        sampleDarts: 1500,
      },
      {
        signal: controller.signal,
        onProgress(p) {
          totals = { samples: p.samples, inside: p.inside };
          render(p, p.dartsPerSecond);
          dartboard.draw(p.darts);
          record(p);
        },
      },
    );
    totals = { samples: result.samples, inside: result.inside };
    render(result);
    say(result.reason === 'reached-stop' ? `Stopped after ${result.samples.toLocaleString('en-US')} darts.` : 'Paused.');
  } catch (error) {
    say(`The engine stopped with an error: ${(error as Error).message}`, 'error');
  } finally {
    running = null;
    setRunning(false);
    finish();
  }
}

async function pause(): Promise<void> {
  if (!running) return;
  running.controller.abort();
  await running.done;
}

async function restartIfRunning(): Promise<void> {
  if (!running) return;
  await pause();
  void run();
}

async function reset(): Promise<void> {
  await pause();
  totals = { samples: 0, inside: 0 };
  history = { n: [], error: [] };
  chart.setData([], [[], [], [], []]);
  dartboard.clear();
  render({ samples: 0, inside: 0, estimate: 0, stderr: 0 });
  $('pi-rate').textContent = '–';
  say('');
}

function setRunning(on: boolean): void {
  runButton.textContent = on ? 'Pause' : 'Run';
  runButton.setAttribute('aria-pressed', String(on));
}

runButton.addEventListener('click', () => void (running ? pause() : run()));
resetButton.addEventListener('click', () => void reset());
stopSelect.addEventListener('change', () => {
  state.stop = stopSelect.value as (typeof STOPS)[number];
  saveState();
});

async function start(): Promise<void> {
  batchField.set(state.batch);
  seedField.set(state.seed);
  stopSelect.value = state.stop;
  runButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  maxThreads = info.maxThreads;
  threadsField.setMax(maxThreads);
  const threads = state.threads >= 1 && state.threads <= maxThreads ? state.threads : maxThreads;
  threadsField.set(threads);
  state.threads = threads;
  const threadsInput = $<HTMLInputElement>('pi-threads');
  threadsInput.disabled = maxThreads === 1;
  if (maxThreads === 1) threadsInput.title = 'This page runs the single-threaded build.';
  saveState();
  runButton.disabled = false;
}

setupExercise('monte-carlo-pi', $<HTMLElement>('exercise'));
void start();
