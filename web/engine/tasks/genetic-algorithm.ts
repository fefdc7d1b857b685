// geneticAlgorithm.*: the genetic-algorithm lesson. The engine breeds the generations (roulette
// selection, crossover, mutation, elitism); this task steps it one generation at a time, records the
// best and mean of each, streams a frame every 40 ms (or every generation at the slow pace) and
// checks for Pause between generations. The newest evolver stays alive between runs, so Pause and
// Run continue where they stopped; any other start replays the seeded run to `fromGeneration`.
import type { Task } from '.';
import type { StringEvolver, TourEvolver } from '../../../bindings/mlplay';
import type { GaPace, GaRunSettings } from '../protocol';
import { wholeNumber } from './check';

const REPORT_MS = 40;
const SLOW_MS = 120;
const MAX_GENERATIONS = 100_000;
const MAX_SHOW = 50;
const MAX_CITIES = 200;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function checkSettings(task: string, params: GaRunSettings): void {
  wholeNumber(task, 'population', params.population, 2, 10_000);
  if (typeof params.mutationRate !== 'number' || !(params.mutationRate >= 0 && params.mutationRate <= 1)) {
    throw new Error(`${task}: mutationRate must be a number from 0 to 1, got ${JSON.stringify(params.mutationRate)}`);
  }
  if (typeof params.elitism !== 'boolean') throw new Error(`${task}: elitism must be true or false`);
  wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  wholeNumber(task, 'fromGeneration', params.fromGeneration, 0, MAX_GENERATIONS);
  wholeNumber(task, 'generations', params.generations, 0, MAX_GENERATIONS);
  if (!(['fast', 'slow'] as GaPace[]).includes(params.pace)) throw new Error(`${task}: pace must be fast or slow, got ${JSON.stringify(params.pace)}`);
}

/** The live evolver when it matches `key` and stands at `from`; else a new one replayed to `from`. */
interface Live<E> {
  key: string;
  evolver: E;
}
let liveStrings: Live<StringEvolver> | null = null;
let liveTour: Live<TourEvolver> | null = null;

function resume<E extends { generation(): number; step(n: number): void; delete(): void }>(
  live: Live<E> | null, key: string, from: number, make: () => E,
): Live<E> {
  if (live && live.key === key && live.evolver.generation() === from) return live;
  live?.evolver.delete();
  const evolver = make();
  if (from > 0) evolver.step(from);
  return { key, evolver };
}

/** Runs `breed` generation by generation, sending `frame()` as progress; returns why it stopped and
 * the generations per second over the whole run (a run can end before its first progress frame). */
async function evolve(
  evolver: { generation(): number; step(n: number): void },
  params: GaRunSettings,
  hooks: {
    record(): void;
    done(): boolean;
    frame(generationsPerSecond: number): unknown;
    progress(frame: unknown): void;
    cancelled(): boolean;
    pause(): Promise<void>;
  },
): Promise<{ reason: 'solved' | 'stopped' | 'cancelled'; rate: number }> {
  const stopAt = Math.min(evolver.generation() + params.generations, MAX_GENERATIONS);
  let lastReport = performance.now();
  let bred = 0, busyMs = 0, totalBred = 0, totalBusyMs = 0;
  const end = (reason: 'solved' | 'stopped' | 'cancelled') => ({ reason, rate: totalBusyMs > 0 ? (totalBred / totalBusyMs) * 1000 : 0 });
  for (;;) {
    if (hooks.done()) return end('solved');
    if (evolver.generation() >= stopAt) return end('stopped');
    if (hooks.cancelled()) return end('cancelled');
    const start = performance.now();
    evolver.step(1);
    const spent = performance.now() - start;
    busyMs += spent;
    totalBusyMs += spent;
    bred += 1;
    totalBred += 1;
    hooks.record();
    const now = performance.now();
    if (params.pace === 'slow' || now - lastReport >= REPORT_MS) {
      hooks.progress(hooks.frame(busyMs > 0 ? (bred / busyMs) * 1000 : 0));
      bred = 0;
      busyMs = 0;
      lastReport = now;
      if (params.pace === 'slow') await sleep(SLOW_MS);
      await hooks.pause();
    }
  }
}

export const gaCheckTarget: Task<'geneticAlgorithm.checkTarget'> = async ({ target }, { engine }) => {
  if (typeof target !== 'string') throw new Error('geneticAlgorithm.checkTarget: target must be a string');
  return { problem: engine.gaTargetProblem(target) };
};

export const gaStrings: Task<'geneticAlgorithm.strings'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'geneticAlgorithm.strings';
  checkSettings(task, params);
  const show = wholeNumber(task, 'show', params.show, 1, MAX_SHOW);
  const problem = typeof params.target === 'string' ? engine.gaTargetProblem(params.target) : 'target must be a string';
  if (problem) throw new Error(`${task}: ${problem}`);
  const key = JSON.stringify([params.target, params.population, params.mutationRate, params.elitism, params.seed]);
  const previous = liveStrings;
  liveStrings = null;
  const live = resume(previous, key, params.fromGeneration, () =>
    new engine.StringEvolver(params.target, params.population, params.mutationRate, params.elitism, params.seed));
  liveStrings = live;
  const e = live.evolver;
  let history = { generation: [] as number[], best: [] as number[], mean: [] as number[] };
  const record = () => {
    history.generation.push(e.generation());
    history.best.push(e.bestDistance());
    history.mean.push(e.meanDistance());
  };
  if (params.fromGeneration === 0) record();
  const frame = (generationsPerSecond: number) => {
    const top = e.top(show);
    const out = {
      generation: e.generation(),
      best: e.best(),
      bestDistance: e.bestDistance(),
      bestFitness: e.bestFitness(),
      meanFitness: e.meanFitness(),
      top: top.strings,
      topDistance: Array.from(top.distances),
      topFitness: Array.from(top.fitness),
      historyGeneration: history.generation,
      historyBest: history.best,
      historyMean: history.mean,
      generationsPerSecond,
    };
    history = { generation: [], best: [], mean: [] };
    return out;
  };
  const { reason, rate } = await evolve(e, params, { record, done: () => e.solved(), frame, progress, cancelled, pause });
  return { ...frame(rate), reason };
};

export const gaCities: Task<'geneticAlgorithm.cities'> = async ({ count, seed }, { engine }) => {
  const task = 'geneticAlgorithm.cities';
  wholeNumber(task, 'count', count, 3, MAX_CITIES);
  wholeNumber(task, 'seed', seed, 0, 2 ** 32);
  return { xy: Array.from(engine.randomCities(count, seed)) };
};

export const gaTour: Task<'geneticAlgorithm.tour'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'geneticAlgorithm.tour';
  checkSettings(task, params);
  const xy = params.xy;
  if (!Array.isArray(xy) || xy.length % 2 !== 0 || xy.length < 6 || xy.length > 2 * MAX_CITIES || !xy.every((v) => typeof v === 'number' && v >= 0 && v <= 1)) {
    throw new Error(`${task}: xy must hold 3 to ${MAX_CITIES} cities as x, y pairs in [0, 1]`);
  }
  const key = JSON.stringify([xy, params.population, params.mutationRate, params.elitism, params.seed]);
  const previous = liveTour;
  liveTour = null;
  const live = resume(previous, key, params.fromGeneration, () =>
    new engine.TourEvolver(xy, params.population, params.mutationRate, params.elitism, params.seed));
  liveTour = live;
  const e = live.evolver;
  let history = { generation: [] as number[], best: [] as number[], mean: [] as number[] };
  const record = () => {
    history.generation.push(e.generation());
    history.best.push(e.bestLength());
    history.mean.push(e.meanLength());
  };
  if (params.fromGeneration === 0) record();
  const frame = (generationsPerSecond: number) => {
    const out = {
      generation: e.generation(),
      bestTour: Array.from(e.bestTour()),
      bestLength: e.bestLength(),
      meanLength: e.meanLength(),
      historyGeneration: history.generation,
      historyBest: history.best,
      historyMean: history.mean,
      generationsPerSecond,
    };
    history = { generation: [], best: [], mean: [] };
    return out;
  };
  const { reason, rate } = await evolve(e, params, { record, done: () => false, frame, progress, cancelled, pause });
  return { ...frame(rate), reason: reason === 'solved' ? 'stopped' : reason };
};
