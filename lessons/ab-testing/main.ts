// ab-testing: the controller. The engine worker runs the z-test, the power and sample-size
// formulas and the peeking simulation; this page validates the inputs, keeps them in the URL hash,
// and shows and draws what comes back.
import { EngineClient } from '../../web/engine/client';
import type { AbSimulateProgress, AbSimulateResult, AbTestResult } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $, byId } from '../../web/site/dom';
import { HashState, decimalHash, intField } from '../../web/site/hash-state';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { COLOR_A, COLOR_B, NullDensity, RateBars } from './plots';
import './ab-testing.css';

const MAX_VISITORS = 1_000_000_000;
const PLAN_EXPERIMENTS = 2000;
const PATHS = 20;
const CROSSED = '#ea580c', CALM = '#94a3b8', LIMIT = '#dc2626';

const hash = new HashState({
  na: intField(4532, 1, MAX_VISITORS),
  ca: intField(203, 0, MAX_VISITORS),
  nb: intField(4621, 1, MAX_VISITORS),
  cb: intField(248, 0, MAX_VISITORS),
  alpha: decimalHash(0.05, 0.0001, 0.5),
  base: decimalHash(4.48, 0.01, 99.99),
  mde: decimalHash(10, -99, 1000),
  power: decimalHash(80, 1, 99.9),
  pa: decimalHash(5, 0, 100),
  pb: decimalHash(5, 0, 100),
  n: intField(10000, 100, 100_000),
  looks: intField(10, 1, 100),
  exps: intField(2000, 1, 20_000),
  seed: intField(1, 0, 2 ** 32),
});
const state = hash.read();
// A shared link with more conversions than visitors falls back to the lesson's example.
if (state.ca > state.na || state.cb > state.nb) Object.assign(state, { na: 4532, ca: 203, nb: 4621, cb: 248 });
const saveState = () => hash.write(state);

const engine = EngineClient.shared();

const percent = (v: number, digits = 2) => `${(100 * v).toFixed(digits)}%`;
/** "+1.8%", "−0.0%": the sign of the value itself, so a bound just below 0 still reads negative. */
const signed = (v: number, digits: number, unit = '') => `${v < 0 ? '−' : '+'}${Math.abs(v).toFixed(digits)}${unit}`;
const count = (v: number) => v.toLocaleString('en-US');
/** Chart axes count visitors in thousands (the shared chart writes 20000 as 2e+4). */
const thousands = (v: number) => v / 1000;
const pValue = (p: number) => (p >= 0.001 ? String(+p.toPrecision(3)) : p.toExponential(2));
const alphaText = () => formatSignificant6(state.alpha);
const level = () => `${formatSignificant6(100 * (1 - state.alpha))}%`;

function say(testId: string, text: string, kind: 'info' | 'error' = 'info'): void {
  const status = $(testId);
  status.textContent = text;
  status.dataset.state = kind;
}

// ---- 1. the z-test ------------------------------------------------------------------------------

const rateBars = new RateBars($<HTMLCanvasElement>('ab-rates-plot'));
const nullDensity = new NullDensity($<HTMLCanvasElement>('ab-null-plot'));
const samplingChart = new LineChart($('ab-sampling-plot'), {
  x: { label: 'conversion rate (%)' },
  y: { label: 'density' },
  series: [
    { label: 'A', color: COLOR_A },
    { label: 'B', color: COLOR_B },
  ],
  height: 220,
  description: 'Normal curves of where the conversion rates of A and B would land in repeated experiments.',
});

/** A whole-number count field with a cross-field rule (conversions ≤ visitors). */
function countField(testId: string, label: string, min: number, onChange: (v: number) => void, rule: (v: number) => string | null) {
  return decimalField($<HTMLInputElement>(testId), byId(`${testId}-message`), {
    label,
    min,
    max: MAX_VISITORS,
    format: (v) => String(v),
    check: (v) => (Number.isInteger(v) ? rule(v) : 'must be a whole number'),
    onChange,
  });
}
const visitorsA = countField('ab-visitors-a', 'A’s visitors', 1, (v) => ((state.na = v), testChanged()),
  (v) => (v < state.ca ? `cannot be fewer than A’s ${count(state.ca)} conversions` : null));
const conversionsA = countField('ab-conversions-a', 'A’s conversions', 0, (v) => ((state.ca = v), testChanged()),
  (v) => (v > state.na ? `cannot exceed A’s ${count(state.na)} visitors` : null));
const visitorsB = countField('ab-visitors-b', 'B’s visitors', 1, (v) => ((state.nb = v), testChanged()),
  (v) => (v < state.cb ? `cannot be fewer than B’s ${count(state.cb)} conversions` : null));
const conversionsB = countField('ab-conversions-b', 'B’s conversions', 0, (v) => ((state.cb = v), testChanged()),
  (v) => (v > state.nb ? `cannot exceed B’s ${count(state.nb)} visitors` : null));
const alphaField = decimalField($<HTMLInputElement>('ab-alpha'), byId('ab-alpha-message'), {
  label: 'α',
  min: 0.0001,
  max: 0.5,
  format: formatSignificant6,
  onChange(value) {
    state.alpha = value;
    saveState();
    void runTest();
    void runPlan();
    restartPeeking();
  },
});

function testChanged(): void {
  saveState();
  void runTest();
}

let testGeneration = 0;
async function runTest(): Promise<void> {
  const mine = ++testGeneration;
  let result;
  try {
    result = await engine.run('abTesting.test', {
      conversionsA: state.ca, visitorsA: state.na, conversionsB: state.cb, visitorsB: state.nb, alpha: state.alpha,
    });
  } catch (error) {
    say('ab-status', `The engine stopped with an error: ${(error as Error).message}`, 'error');
    return;
  }
  if (mine !== testGeneration) return; // a newer request is on its way
  for (const el of document.querySelectorAll('.ab-level-copy, [data-testid="ab-level"]')) el.textContent = level();
  if (result.problem !== null) {
    say('ab-status', `No test for these numbers: ${result.problem}.`, 'error');
    $('ab-verdict').textContent = '';
    for (const id of ['ab-rate-a', 'ab-rate-b', 'ab-lift', 'ab-z', 'ab-p', 'ab-diff-ci', 'ab-lift-ci']) $(id).textContent = '–';
    return;
  }
  say('ab-status', '');
  showTest(result);
}

function showTest(t: AbTestResult): void {
  $('ab-rate-a').textContent = percent(t.rateA);
  $('ab-rate-b').textContent = percent(t.rateB);
  $('ab-lift').textContent = Number.isFinite(t.lift) ? signed(100 * t.lift, 1, '%') : 'undefined (A: 0%)';
  $('ab-z').textContent = t.z.toFixed(3);
  $('ab-p').textContent = pValue(t.pValue);
  const d = t.differenceInterval, l = t.liftInterval;
  $('ab-diff-ci').textContent = `[${signed(100 * d.low, 2)}, ${signed(100 * d.high, 2)}] pp`;
  $('ab-lift-ci').textContent = Number.isFinite(l.low) ? `[${signed(100 * l.low, 1, '%')}, ${signed(100 * l.high, 1, '%')}]` : 'undefined (an arm has 0 conversions)';

  const verdict = $('ab-verdict');
  verdict.dataset.state = t.significant ? 'significant' : 'not-significant';
  const better = t.difference > 0 ? 'B converts better than A' : 'B converts worse than A';
  const range = Number.isFinite(l.low) ? ` The lift could be anywhere from ${signed(100 * l.low, 1, '%')} to ${signed(100 * l.high, 1, '%')}.` : '';
  verdict.textContent = t.significant
    ? `Significant at α = ${alphaText()} (p = ${pValue(t.pValue)} < ${alphaText()}): ${better}, beyond what chance alone explains.${range}`
    : `Not significant at α = ${alphaText()} (p = ${pValue(t.pValue)} ≥ ${alphaText()}): a gap this large is common when the two rates are equal.${range}`;

  rateBars.set([
    { label: 'A · control', rate: t.rateA, low: t.rateAInterval.low, high: t.rateAInterval.high, color: COLOR_A },
    { label: 'B · treatment', rate: t.rateB, low: t.rateBInterval.low, high: t.rateBInterval.high, color: COLOR_B },
  ]);
  nullDensity.set({ x: t.nullCurve.x, density: t.nullCurve.y, z: t.z, zCritical: t.zCritical });
  // Shown in percent: x · 100, and the density per percentage point, / 100.
  const nan = (v: number) => (Number.isFinite(v) ? v / 100 : null);
  samplingChart.setData(Array.from(t.rateCurves.x, (v) => 100 * v), [Array.from(t.rateCurves.a, nan), Array.from(t.rateCurves.b, nan)]);
}

// ---- 2. planning --------------------------------------------------------------------------------

const powerChart = new LineChart($('ab-power-plot'), {
  x: { label: 'visitors per arm (thousands)' },
  y: { label: 'power', range: [0, 1] },
  series: [
    { label: 'power', color: COLOR_B },
    { label: 'target power', color: '#0f172a', dash: [6, 4], width: 1.5 },
  ],
  height: 220,
  description: 'The power of the test against the number of visitors per arm, with the target power as a dashed line.',
});
let plan: { rateA: number; rateB: number; visitorsPerArm: number } | null = null;

const baselineField = decimalField($<HTMLInputElement>('ab-baseline'), byId('ab-baseline-message'), {
  label: 'Baseline rate', unit: '%', min: 0.01, max: 99.99, format: formatSignificant6,
  onChange: (v) => ((state.base = v), planChanged()),
});
const mdeField = decimalField($<HTMLInputElement>('ab-mde'), byId('ab-mde-message'), {
  label: 'Lift to detect', unit: '%', min: -99, max: 1000, format: formatSignificant6,
  check: (v) => (v === 0 ? 'must not be 0: no test can detect a lift of nothing' : null),
  onChange: (v) => ((state.mde = v), planChanged()),
});
const powerField = decimalField($<HTMLInputElement>('ab-power'), byId('ab-power-message'), {
  label: 'Power', unit: '%', min: 1, max: 99.9, format: formatSignificant6,
  onChange: (v) => ((state.power = v), planChanged()),
});

function planChanged(): void {
  saveState();
  void runPlan();
}

let planGeneration = 0;
async function runPlan(): Promise<void> {
  const mine = ++planGeneration;
  let result;
  try {
    result = await engine.run('abTesting.plan', {
      baseline: state.base / 100, lift: state.mde / 100, alpha: state.alpha, power: state.power / 100,
    });
  } catch (error) {
    say('ab-plan-status', `The engine stopped with an error: ${(error as Error).message}`, 'error');
    return;
  }
  if (mine !== planGeneration) return;
  $('ab-plan-alpha').textContent = alphaText();
  $('ab-plan-sim').textContent = '–';
  if (result.problem !== null) {
    plan = null;
    say('ab-plan-status', `No plan for these numbers: ${result.problem}.`, 'error');
    for (const id of ['ab-plan-rate-b', 'ab-plan-n', 'ab-plan-total']) $(id).textContent = '–';
    powerChart.setData([], [[], []]);
    return;
  }
  plan = result;
  say('ab-plan-status', '');
  $('ab-plan-rate-b').textContent = percent(result.rateB, 3);
  $('ab-plan-n').textContent = count(result.visitorsPerArm);
  $('ab-plan-total').textContent = count(2 * result.visitorsPerArm);
  const target = state.power / 100;
  powerChart.setData(Array.from(result.powerCurve.x, thousands), [Array.from(result.powerCurve.y), Array.from(result.powerCurve.x, () => target)]);
}

const simulateButton = $<HTMLButtonElement>('ab-plan-simulate');
simulateButton.addEventListener('click', async () => {
  if (!plan) return;
  const checked = plan;
  simulateButton.disabled = true;
  say('ab-plan-status', `Simulating ${count(PLAN_EXPERIMENTS)} experiments of ${count(checked.visitorsPerArm)} visitors per arm…`);
  try {
    const r = await engine.run('abTesting.simulate', {
      rateA: checked.rateA, rateB: checked.rateB, visitorsPerArm: checked.visitorsPerArm, looks: 1,
      alpha: state.alpha, seed: state.seed, experiments: PLAN_EXPERIMENTS, paths: 0,
    });
    if (plan !== checked) return; // the plan changed meanwhile
    $('ab-plan-sim').textContent = `${percent(r.rejectedAtEnd / r.experiments, 1)}`;
    say('ab-plan-status', `${count(r.rejectedAtEnd)} of ${count(r.experiments)} simulated experiments came out significant (planned power ${formatSignificant6(state.power)}%).`);
  } catch (error) {
    say('ab-plan-status', `The simulation stopped: ${(error as Error).message}`, 'error');
  } finally {
    simulateButton.disabled = false;
  }
});

// ---- 3. peeking ---------------------------------------------------------------------------------

const peekChart = new LineChart($('ab-peek-plot'), {
  x: { label: 'visitors per arm (thousands)' },
  y: { label: 'share significant' },
  series: [
    { label: 'stop at first significant look', color: CROSSED },
    { label: 'one look at the end', color: COLOR_A },
    { label: 'α', color: '#0f172a', dash: [6, 4], width: 1.5 },
  ],
  height: 240,
  description: 'The share of simulated experiments that have been significant at some look so far, against the visitors per arm at each look, with the fixed-horizon rate and alpha as reference lines.',
});
let pathsChart: LineChart | null = null;

const peekRateA = decimalField($<HTMLInputElement>('ab-peek-rate-a'), byId('ab-peek-rate-a-message'), {
  label: 'True rate A', unit: '%', min: 0, max: 100, format: formatSignificant6,
  onChange: (v) => ((state.pa = v), peekChanged()),
});
const peekRateB = decimalField($<HTMLInputElement>('ab-peek-rate-b'), byId('ab-peek-rate-b-message'), {
  label: 'True rate B', unit: '%', min: 0, max: 100, format: formatSignificant6,
  onChange: (v) => ((state.pb = v), peekChanged()),
});
const peekVisitors = numberField($<HTMLInputElement>('ab-peek-visitors'), byId('ab-peek-visitors-message'), {
  label: 'Visitors per arm', min: 100, max: 100_000,
  onChange: (v) => ((state.n = v), peekChanged()),
});
const peekLooks = numberField($<HTMLInputElement>('ab-peek-looks'), byId('ab-peek-looks-message'), {
  label: 'Looks', min: 1, max: 100,
  onChange: (v) => ((state.looks = v), peekChanged()),
});
const peekExperiments = numberField($<HTMLInputElement>('ab-peek-experiments'), byId('ab-peek-experiments-message'), {
  label: 'Experiments', min: 1, max: 20_000,
  onChange: (v) => ((state.exps = v), peekChanged()),
});
const peekSeed = numberField($<HTMLInputElement>('ab-peek-seed'), byId('ab-peek-seed-message'), {
  label: 'Seed', min: 0, max: 2 ** 32,
  onChange: (v) => ((state.seed = v), peekChanged()),
});
const runButton = $<HTMLButtonElement>('ab-peek-run');
let peeking: { controller: AbortController; done: Promise<void> } | null = null;

function peekChanged(): void {
  saveState();
  restartPeeking();
}

function showCounts(p: AbSimulateProgress): void {
  const n = p.experiments;
  const share = (k: number) => `${percent(k / n, 1)} (${count(k)})`;
  $('ab-peek-count').textContent = count(n);
  $('ab-peek-end').textContent = share(p.rejectedAtEnd);
  $('ab-peek-any').textContent = share(p.rejectedByLook[p.rejectedByLook.length - 1]);
  $('ab-peek-bonf').textContent = share(p.rejectedBonferroni);
  const x = Array.from(p.lookVisitors, thousands);
  peekChart.setData(x, [Array.from(p.rejectedByLook, (k) => k / n), x.map(() => p.rejectedAtEnd / n), x.map(() => state.alpha)]);
}

function showPaths(r: AbSimulateResult): void {
  const looks = r.lookVisitors.length;
  const paths = Array.from({ length: r.paths.length / looks }, (_, i) => Array.from(r.paths.subarray(i * looks, (i + 1) * looks)));
  pathsChart?.destroy();
  const crossed = paths.map((path) => path.some((z) => Math.abs(z) > r.zCritical));
  pathsChart = new LineChart($('ab-paths-plot'), {
    x: { label: 'visitors per arm (thousands)' },
    y: { label: 'z' },
    series: [
      ...paths.map((_, i) => ({ label: `experiment ${i + 1}`, color: crossed[i] ? CROSSED : CALM, width: 1.3, helper: true })),
      { label: `±z₁₋α/₂ = ±${r.zCritical.toFixed(2)}`, color: LIMIT, dash: [5, 4], width: 1.5 },
      { label: '', color: LIMIT, dash: [5, 4], width: 1.5, helper: true },
      // Legend entries only (no data).
      { label: `crossed at some look (${crossed.filter(Boolean).length} of ${paths.length})`, color: CROSSED },
      { label: 'never crossed', color: CALM },
    ],
    height: 240,
    description: `The z statistic of ${paths.length} simulated experiments at each look; ${crossed.filter(Boolean).length} cross the significance lines at some look.`,
  });
  const x = [0, ...Array.from(r.lookVisitors, thousands)];
  pathsChart.setData(x, [
    ...paths.map((path) => [0, ...path]),
    x.map(() => r.zCritical),
    x.map(() => -r.zCritical),
    x.map(() => null),
    x.map(() => null),
  ]);
}

async function runPeeking(): Promise<void> {
  const controller = new AbortController();
  let finish!: () => void;
  peeking = { controller, done: new Promise((resolve) => (finish = resolve)) };
  runButton.textContent = 'Stop';
  runButton.setAttribute('aria-pressed', 'true');
  say('ab-peek-status', `Simulating ${count(state.exps)} experiments with ${state.looks} look${state.looks === 1 ? '' : 's'} each…`);
  try {
    const r = await engine.run(
      'abTesting.simulate',
      {
        rateA: state.pa / 100, rateB: state.pb / 100, visitorsPerArm: state.n, looks: state.looks,
        alpha: state.alpha, seed: state.seed, experiments: state.exps, paths: PATHS,
      },
      { signal: controller.signal, onProgress: showCounts },
    );
    if (r.experiments > 0) {
      showCounts(r);
      showPaths(r);
    }
    const what = state.pa === state.pb ? 'false positives: both arms have the same true rate' : 'true detections: the rates differ';
    say('ab-peek-status', r.reason === 'done' ? `Done: ${count(r.experiments)} experiments. Every significant result here is one of the ${what}.` : `Stopped after ${count(r.experiments)} experiments.`);
  } catch (error) {
    say('ab-peek-status', `The simulation stopped: ${(error as Error).message}`, 'error');
  } finally {
    peeking = null;
    runButton.textContent = 'Run';
    runButton.setAttribute('aria-pressed', 'false');
    finish();
  }
}

async function stopPeeking(): Promise<void> {
  if (!peeking) return;
  peeking.controller.abort();
  await peeking.done;
}

let restarting: Promise<void> | null = null;
function restartPeeking(): void {
  // Of several quick changes only the last starts a run.
  const mine = (restarting = stopPeeking().then(() => {
    if (restarting === mine) void runPeeking();
  }));
}

runButton.addEventListener('click', () => void (peeking ? stopPeeking() : runPeeking()));

// ---- start --------------------------------------------------------------------------------------

async function start(): Promise<void> {
  visitorsA.set(state.na);
  conversionsA.set(state.ca);
  visitorsB.set(state.nb);
  conversionsB.set(state.cb);
  alphaField.set(state.alpha);
  baselineField.set(state.base);
  mdeField.set(state.mde);
  powerField.set(state.power);
  peekRateA.set(state.pa);
  peekRateB.set(state.pb);
  peekVisitors.set(state.n);
  peekLooks.set(state.looks);
  peekExperiments.set(state.exps);
  peekSeed.set(state.seed);
  runButton.disabled = true;
  simulateButton.disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('ab-status', 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  saveState();
  await Promise.all([runTest(), runPlan()]);
  runButton.disabled = false;
  simulateButton.disabled = false;
  void runPeeking();
}

setupExercise('ab-testing', $('exercise'));
void start();
