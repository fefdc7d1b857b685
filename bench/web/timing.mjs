// Shared by the benchmark workers: medians of timed runs.
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Units per second of `fn(calls)`, where one call does `unitsPerCall` units of work: the call count
 *  grows until a run takes over 60 ms, is then sized to about 0.3 s, and the median of 5 runs is kept. */
export function ratePerSecond(fn, unitsPerCall) {
  let calls = 1;
  for (;;) {
    const start = performance.now();
    fn(calls);
    const ms = performance.now() - start;
    if (ms > 60) {
      calls = Math.max(1, Math.round((calls * 300) / ms));
      break;
    }
    calls *= 4;
  }
  const rates = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn(calls);
    rates.push((unitsPerCall * calls) / ((performance.now() - start) / 1000));
  }
  return median(rates);
}
