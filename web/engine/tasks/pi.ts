// pi.run: throw darts in batches until cancelled or the stop count, reporting about 25 times a second.
import type { Task } from '.';
import { wholeNumber } from './check';

const REPORT_EVERY_MS = 40;
/** Early batches grow by a quarter at a time from this size, so the first decades of the
 *  convergence plot get points too (one report per batch until the reports are 40 ms apart). */
const FIRST_BATCH = 1000;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

export const piRun: Task<'pi.run'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const seed = wholeNumber('pi.run', 'seed', params.seed, 0, MAX_SAFE);
  const batch = wholeNumber('pi.run', 'batch', params.batch, 1, 100_000_000);
  const stopAt = wholeNumber('pi.run', 'stopAt', params.stopAt, 0, MAX_SAFE);
  const sampleDarts = wholeNumber('pi.run', 'sampleDarts', params.sampleDarts, 0, 100_000);
  engine.setNumThreads(params.threads);

  const estimator = new engine.PiEstimator(seed, params.samples, params.inside);
  try {
    let windowDarts = 0;
    let windowMs = 0;
    let lastReport = performance.now();
    let reportedSamples = estimator.samples();
    for (;;) {
      let count = Math.min(batch, Math.max(FIRST_BATCH, Math.ceil(estimator.samples() / 4)));
      if (stopAt > 0) count = Math.min(count, stopAt - estimator.samples());
      if (count <= 0 || cancelled()) break;
      const first = estimator.samples();
      const start = performance.now();
      estimator.throwDarts(count);
      const end = performance.now();
      windowDarts += count;
      windowMs += end - start;
      const done = stopAt > 0 && estimator.samples() >= stopAt;
      const grew = estimator.samples() >= reportedSamples * 1.25;
      if (end - lastReport >= REPORT_EVERY_MS || grew || done) {
        reportedSamples = estimator.samples();
        const shown = Math.min(count, sampleDarts);
        const darts = estimator.darts(first + count - shown, shown);
        progress(
          {
            samples: estimator.samples(),
            inside: estimator.inside(),
            estimate: estimator.estimate(),
            stderr: estimator.standardError(),
            dartsPerSecond: windowMs > 0 ? (windowDarts / windowMs) * 1000 : 0,
            darts,
          },
          [darts.buffer],
        );
        windowDarts = 0;
        windowMs = 0;
        lastReport = performance.now();
        await pause();
      }
    }
    return {
      samples: estimator.samples(),
      inside: estimator.inside(),
      estimate: estimator.estimate(),
      stderr: estimator.standardError(),
      reason: cancelled() ? 'cancelled' : 'reached-stop',
    };
  } finally {
    estimator.delete();
  }
};
