// kmeans.load / start / step / sweep / quantize: the kmeans lesson. The worker keeps one engine
// KMeansSession (the data and the run being stepped) between tasks, so the page can step a run one
// Lloyd iteration at a time and animate it. kmeans.sweep fits k = 1 … kMax, streaming each k, and
// stops between values of k when cancelled.
import type { Task } from '.';
import type { KMeansSession } from '../../../bindings/mlplay';
import type { KMeansInitName, KMeansState } from '../protocol';
import { wholeNumber } from './check';

const INITS: readonly KMeansInitName[] = ['kmeans++', 'random'];
let session: KMeansSession | null = null;

function initName(task: string, value: unknown): KMeansInitName {
  if (!INITS.includes(value as KMeansInitName)) throw new Error(`${task}: init must be kmeans++ or random, got ${JSON.stringify(value)}`);
  return value as KMeansInitName;
}

function loaded(task: string): KMeansSession {
  if (!session) throw new Error(`${task}: load data first`);
  return session;
}

export const kmeansLoad: Task<'kmeans.load'> = async (params, { engine }) => {
  const task = 'kmeans.load';
  const next = new engine.KMeansSession();
  try {
    if (params.source === 'blobs') {
      const n = wholeNumber(task, 'n', params.n, 10, 5000);
      const centers = wholeNumber(task, 'centers', params.centers, 1, 12);
      if (typeof params.spread !== 'number' || !(params.spread > 0 && params.spread <= 10)) {
        throw new Error(`${task}: spread must be a number in (0, 10], got ${JSON.stringify(params.spread)}`);
      }
      next.loadBlobs(n, centers, params.spread, wholeNumber(task, 'seed', params.seed, 0, 2 ** 32));
    } else if (params.source === 'csv') {
      if (typeof params.csv !== 'string') throw new Error(`${task}: csv must be the CSV text`);
      if (typeof params.label !== 'string') throw new Error(`${task}: label must be a string`);
      next.loadCsv(params.csv, params.label);
    } else {
      throw new Error(`${task}: source must be blobs or csv`);
    }
  } catch (error) {
    next.delete();
    throw error; // the old session (and its data) stays
  }
  session?.delete();
  session = next;
  return session.info();
};

export const kmeansStart: Task<'kmeans.start'> = async (params) => {
  const task = 'kmeans.start';
  const s = loaded(task);
  const k = wholeNumber(task, 'k', params.k, 1, 50);
  const maxIter = wholeNumber(task, 'maxIter', params.maxIter, 1, 10000);
  if (typeof params.tol !== 'number' || !(params.tol >= 0 && params.tol < 1)) throw new Error(`${task}: tol must be in [0, 1), got ${JSON.stringify(params.tol)}`);
  return s.start(k, initName(task, params.init), wholeNumber(task, 'seed', params.seed, 0, 2 ** 32), params.standardize === true, maxIter, params.tol);
};

export const kmeansStep: Task<'kmeans.step'> = async () => {
  const s = loaded('kmeans.step');
  const state: KMeansState = s.step();
  return state.done ? { ...state, summary: s.summary() } : state;
};

export const kmeansSweep: Task<'kmeans.sweep'> = async (params, { progress, cancelled, yield: pause }) => {
  const task = 'kmeans.sweep';
  const s = loaded(task);
  const info = s.info();
  const kMax = Math.min(wholeNumber(task, 'kMax', params.kMax, 1, 30), info.samples);
  const nInit = wholeNumber(task, 'nInit', params.nInit, 1, 50);
  const init = initName(task, params.init);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32);
  const rows = [];
  for (let k = 1; k <= kMax; k++) {
    if (cancelled()) return { rows, reason: 'cancelled' };
    const row = { k, ...s.sweepOne(k, init, nInit, seed, params.standardize === true) };
    rows.push(row);
    progress(row);
    await pause();
  }
  return { rows, reason: 'done' };
};

export const kmeansQuantize: Task<'kmeans.quantize'> = async (params, { engine }) => {
  const task = 'kmeans.quantize';
  const width = wholeNumber(task, 'width', params.width, 1, 4096);
  const height = wholeNumber(task, 'height', params.height, 1, 4096);
  if (!(params.rgba instanceof Uint8ClampedArray) || params.rgba.length !== width * height * 4) {
    throw new Error(`${task}: rgba must be a Uint8ClampedArray of width × height × 4 = ${width * height * 4} bytes`);
  }
  const colors = wholeNumber(task, 'colors', params.colors, 2, 256);
  const start = performance.now();
  const q = engine.quantizeColors(params.rgba, colors, initName(task, params.init), wholeNumber(task, 'seed', params.seed, 0, 2 ** 32),
    wholeNumber(task, 'sample', params.sample, 100, 1_000_000));
  return { ...q, width, height, ms: performance.now() - start };
};
