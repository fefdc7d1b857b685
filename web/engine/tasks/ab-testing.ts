// abTesting.test / abTesting.plan / abTesting.simulate: the ab-testing lesson. The engine runs the
// z-test, the power and sample-size formulas and the peeking simulation; this file checks the
// params, asks the engine for the curves the page draws, and streams the simulation's counts.
import type { Task } from '.';
import { wholeNumber } from './check';

const NULL_POINTS = 241;
const RATE_POINTS = 241;
const POWER_POINTS = 201;
/** Aim for engine calls of about this long, so Stop answers quickly and progress flows. */
const CALL_MS = 40;

function fraction(task: string, name: string, value: unknown, min: number, max: number, open = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && (open ? value > min && value < max : value >= min && value <= max);
  if (!ok) {
    throw new Error(`${task}: ${name} must be a number ${open ? 'strictly between' : 'from'} ${min} ${open ? 'and' : 'to'} ${max}, got ${JSON.stringify(value)}`);
  }
  return value as number;
}

export const abTestingTest: Task<'abTesting.test'> = async (params, { engine }) => {
  const task = 'abTesting.test';
  const visitorsA = wholeNumber(task, 'visitorsA', params.visitorsA, 0, 1e12);
  const visitorsB = wholeNumber(task, 'visitorsB', params.visitorsB, 0, 1e12);
  const conversionsA = wholeNumber(task, 'conversionsA', params.conversionsA, 0, 1e12);
  const conversionsB = wholeNumber(task, 'conversionsB', params.conversionsB, 0, 1e12);
  const alpha = fraction(task, 'alpha', params.alpha, 0, 1, true);
  // The engine explains 0 visitors, conversions above visitors and data without variation.
  let t;
  try {
    t = engine.abTest(conversionsA, visitorsA, conversionsB, visitorsB, alpha);
  } catch (error) {
    return { problem: (error as Error).message };
  }

  const reach = Math.min(40, Math.max(4, Math.abs(t.z) + 1));
  const nullCurve = engine.abDensityCurve(0, 1, -reach, reach, NULL_POINTS);

  // Each rate's sampling distribution N(p̂, p̂(1 − p̂)/n) on one grid that holds both.
  const spreads = [Math.sqrt((t.rateA * (1 - t.rateA)) / visitorsA), Math.sqrt((t.rateB * (1 - t.rateB)) / visitorsB)];
  const rates = [t.rateA, t.rateB];
  const widest = Math.max(...spreads);
  let from = Math.max(0, Math.min(...rates.map((r, i) => r - 4.5 * (spreads[i] || widest))));
  let to = Math.min(1, Math.max(...rates.map((r, i) => r + 4.5 * (spreads[i] || widest))));
  if (!(to > from)) (from = Math.max(0, from - 0.01)), (to = Math.min(1, to + 0.01));
  const curves = rates.map((rate, i) =>
    spreads[i] > 0 ? engine.abDensityCurve(rate, spreads[i], from, to, RATE_POINTS) : null,
  );
  const grid = (curves[0] ?? curves[1])?.x ?? Float64Array.from({ length: RATE_POINTS }, (_, k) => from + ((to - from) * k) / (RATE_POINTS - 1));
  // A rate of exactly 0 or 1 has no spread: its curve is left out (NaN draws nothing).
  const flat = () => new Float64Array(RATE_POINTS).fill(NaN);
  return {
    problem: null,
    rateA: t.rateA,
    rateB: t.rateB,
    rateAInterval: t.rateAInterval,
    rateBInterval: t.rateBInterval,
    difference: t.difference,
    lift: t.lift,
    pooledRate: t.pooledRate,
    standardError: t.standardError,
    z: t.z,
    pValue: t.pValue,
    zCritical: t.zCritical,
    significant: t.significant,
    differenceInterval: t.differenceInterval,
    liftInterval: t.liftInterval,
    nullCurve,
    rateCurves: { x: grid, a: curves[0]?.y ?? flat(), b: curves[1]?.y ?? flat() },
  };
};

export const abTestingPlan: Task<'abTesting.plan'> = async (params, { engine }) => {
  const task = 'abTesting.plan';
  const baseline = fraction(task, 'baseline', params.baseline, 0, 1, true);
  const lift = fraction(task, 'lift', params.lift, -1, 100);
  const alpha = fraction(task, 'alpha', params.alpha, 0, 1, true);
  const power = fraction(task, 'power', params.power, 0, 1, true);
  const rateB = baseline * (1 + lift);
  if (!(rateB > 0 && rateB < 1)) {
    return { problem: `a lift of ${+(lift * 100).toPrecision(6)}% on a baseline of ${+(baseline * 100).toPrecision(6)}% gives B a rate of ${+(rateB * 100).toPrecision(6)}%, which is not a probability between 0% and 100%` };
  }
  let visitorsPerArm;
  try {
    visitorsPerArm = engine.abSampleSize(baseline, rateB, alpha, power);
  } catch (error) {
    return { problem: (error as Error).message };
  }
  const powerCurve = engine.abPowerCurve(baseline, rateB, alpha, Math.max(10, Math.ceil(visitorsPerArm * 1.6)), POWER_POINTS);
  return { problem: null, rateA: baseline, rateB, visitorsPerArm, powerCurve };
};

export const abTestingSimulate: Task<'abTesting.simulate'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'abTesting.simulate';
  const rateA = fraction(task, 'rateA', params.rateA, 0, 1);
  const rateB = fraction(task, 'rateB', params.rateB, 0, 1);
  const visitorsPerArm = wholeNumber(task, 'visitorsPerArm', params.visitorsPerArm, 1, 100_000_000);
  const looks = wholeNumber(task, 'looks', params.looks, 1, 1000);
  const alpha = fraction(task, 'alpha', params.alpha, 0, 1, true);
  const seed = wholeNumber(task, 'seed', params.seed, 0, Number.MAX_SAFE_INTEGER);
  const experiments = wholeNumber(task, 'experiments', params.experiments, 1, 1_000_000);
  const paths = wholeNumber(task, 'paths', params.paths, 0, 200);

  const simulator = new engine.PeekingSimulator(rateA, rateB, visitorsPerArm, looks, alpha, seed);
  try {
    const counts = () => ({
      experiments: simulator.experiments(),
      lookVisitors: simulator.lookVisitors(),
      zCritical: simulator.zCritical(),
      zBonferroni: simulator.zBonferroni(),
      rejectedByLook: simulator.rejectedByLook(),
      rejectedAtEnd: simulator.rejectedAtEnd(),
      rejectedBonferroni: simulator.rejectedBonferroni(),
    });
    // Start small (about 100,000 visitor draws), then size batches to take about CALL_MS each.
    let batch = Math.max(1, Math.floor(100_000 / (2 * visitorsPerArm)));
    while (simulator.experiments() < experiments && !cancelled()) {
      const count = Math.min(batch, experiments - simulator.experiments());
      const start = performance.now();
      simulator.run(count);
      const ms = performance.now() - start;
      batch = Math.max(1, Math.min(100_000, Math.round(count * (ms > 0 ? Math.min(4, CALL_MS / ms) : 4))));
      const p = counts();
      progress(p, [p.rejectedByLook.buffer, p.lookVisitors.buffer]);
      await pause();
    }
    const shown = Math.min(paths, simulator.experiments());
    const z = new Float64Array(shown * looks);
    for (let i = 0; i < shown; i++) z.set(simulator.zPath(i), i * looks);
    return {
      ...counts(),
      reason: simulator.experiments() >= experiments ? 'done' : 'cancelled',
      paths: z,
    };
  } finally {
    simulator.delete();
  }
};
