// distributions.describe / distributions.sample: the distributions lesson. The engine evaluates the
// family's PDF/PMF, CDF, quantile and moments, and draws values (or means of n draws) with its own
// samplers in batches, streaming moments and a density histogram and checking for Stop in between.
import type { Task } from '.';
import type { SampleRun } from '../../../bindings/mlplay';
import type { DistributionFamily, DistributionsSampleProgress } from '../protocol';
import { wholeNumber } from './check';

const FAMILIES: readonly DistributionFamily[] = ['normal', 'binomial', 'poisson', 'exponential', 'uniform', 'beta', 'gamma'];
const CURVE_POINTS = 400;
const REPORT_MS = 50;
/** Draws per batch at most (values × n), so a cancel is seen within a few tens of milliseconds. */
const BATCH_DRAWS = 200_000;

function family(task: string, value: unknown): DistributionFamily {
  if (typeof value !== 'string' || !(FAMILIES as readonly string[]).includes(value)) {
    throw new Error(`${task}: family must be one of ${FAMILIES.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as DistributionFamily;
}

function finite(task: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${task}: ${name} must be a finite number, got ${JSON.stringify(value)}`);
  return value;
}

const pair = (a: Float64Array): [number, number] => [a[0], a[1]];

function report(run: SampleRun, count: number): DistributionsSampleProgress {
  const { mean, variance, std, skewness } = run.moments();
  const expected = run.expected();
  return {
    drawn: run.count(),
    count,
    sample: { mean, variance, std, skewness },
    expected: { mean: expected.mean, variance: expected.variance, std: expected.std, skewness: expected.skewness },
    histogram: run.histogram(),
    range: pair(run.range()),
  };
}

const buffers = (p: DistributionsSampleProgress) => [p.histogram.centers.buffer, p.histogram.density.buffer, p.histogram.cumulative.buffer];

export const distributionsDescribe: Task<'distributions.describe'> = async (params, { engine }) => {
  const name = family('distributions.describe', params.family);
  const a = finite('distributions.describe', 'a', params.a);
  const b = finite('distributions.describe', 'b', params.b);
  let info;
  try {
    info = engine.distributionInfo(name, a, b);
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const curve = engine.distributionCurve(name, a, b, CURVE_POINTS);
  return {
    ok: true,
    description: info.description,
    discrete: info.discrete,
    sampler: info.sampler,
    quantileClosedForm: info.quantileClosedForm,
    mean: info.mean,
    variance: info.variance,
    std: info.std,
    skewness: info.skewness,
    range: pair(info.range),
    curve,
    cdfAtX: engine.distributionCdf(name, a, b, finite('distributions.describe', 'x', params.x)),
    quantileAtP: engine.distributionQuantile(name, a, b, finite('distributions.describe', 'p', params.p)),
  };
};

export const distributionsSample: Task<'distributions.sample'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'distributions.sample';
  const name = family(task, params.family);
  const n = wholeNumber(task, 'n', params.n, 1, 1000);
  const count = wholeNumber(task, 'count', params.count, 1, 1_000_000);
  const seed = wholeNumber(task, 'seed', params.seed, 0, Number.MAX_SAFE_INTEGER);
  const run = new engine.SampleRun(name, finite(task, 'a', params.a), finite(task, 'b', params.b), n, seed);
  try {
    const batch = Math.max(1, Math.floor(BATCH_DRAWS / n));
    let lastReport = performance.now();
    while (run.count() < count && !cancelled()) {
      // Small first batches so the histogram visibly fills in, then full ones.
      run.draw(Math.min(count - run.count(), batch, Math.max(100, Math.ceil(run.count() / 2))));
      if (run.count() < count && performance.now() - lastReport >= REPORT_MS) {
        const p = report(run, count);
        progress(p, buffers(p));
        lastReport = performance.now();
      }
      await pause();
    }
    const normal = run.normalCurve(CURVE_POINTS);
    return {
      ...report(run, count),
      ksToDistribution: run.ksToDistribution(),
      ksToNormal: run.ksToNormal(),
      proposalsPerDraw: run.proposalsPerDraw(),
      normal: { x: normal.x, pdf: normal.pdf },
      cancelled: run.count() < count,
    };
  } finally {
    run.delete();
  }
};
