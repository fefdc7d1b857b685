// pca.fit / pca.reconstruct: the pca lesson. The worker keeps one engine PcaSession (the data and
// its fitted PCA) between tasks, so a learner moving the reconstruction slider or asking for more
// components does not redo the covariance. pca.fit streams each component as power iteration finds
// it and stops between components when cancelled.
import type { Task } from '.';
import type { PcaSession } from '../../../bindings/mlplay';
import type { PcaComponentProgress, PcaFitParams, PcaSource } from '../protocol';
import { wholeNumber } from './check';

const SOURCES: readonly PcaSource[] = ['iris', 'wine', 'digits', 'mnist', 'csv'];
const MAX_ITERATIONS = 20000;
const COVARIANCE_LIMIT = 30;

interface Live {
  session: PcaSession;
  /** What the session was built from: the same key means the same data, scaling and tolerance. */
  key: string;
  csv: string | undefined;
  images: Uint8Array | undefined;
  fitted: PcaComponentProgress[];
  /** Components in the last result (reconstructions use at most these). */
  shown: number;
}
let live: Live | null = null;

function keyOf(p: PcaFitParams): string {
  return JSON.stringify([p.source, p.label, p.standardize, p.tolerance, p.count ?? 0, p.csv?.length ?? 0, p.images?.length ?? 0]);
}

function sameData(a: Live, p: PcaFitParams): boolean {
  return a.key === keyOf(p) && a.csv === p.csv && (a.images === p.images || sameBytes(a.images, p.images));
}

/** Sampled: the only bytes sent are the MNIST asset, and the key already holds their length. */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 997) if (a[i] !== b[i]) return false;
  return true;
}

export const pcaFit: Task<'pca.fit'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'pca.fit';
  if (!SOURCES.includes(params.source)) throw new Error(`${task}: source must be one of ${SOURCES.join(', ')}, got ${JSON.stringify(params.source)}`);
  if (typeof params.label !== 'string') throw new Error(`${task}: label must be a string`);
  if (typeof params.tolerance !== 'number' || !(params.tolerance > 0 && params.tolerance < 1)) {
    throw new Error(`${task}: tolerance must be a number between 0 and 1, got ${JSON.stringify(params.tolerance)}`);
  }
  const scoreColumns = wholeNumber(task, 'scoreColumns', params.scoreColumns, 1, 50);

  let reused = false;
  if (live && sameData(live, params)) {
    reused = true;
  } else {
    live?.session.delete();
    live = null;
    const session = new engine.PcaSession();
    try {
      if (params.source === 'mnist') {
        if (!(params.images instanceof Uint8Array) || !(params.labels instanceof Uint8Array)) {
          throw new Error(`${task}: MNIST needs images and labels as Uint8Arrays`);
        }
        session.loadMnist(params.images, params.labels, wholeNumber(task, 'count', params.count, 2, 10000));
      } else {
        if (typeof params.csv !== 'string') throw new Error(`${task}: csv must be the CSV text`);
        session.loadCsv(params.csv, params.label);
      }
    } catch (error) {
      session.delete();
      throw error;
    }
    live = { session, key: keyOf(params), csv: params.csv, images: params.images, fitted: [], shown: 0 };
  }
  const { session } = live;
  const info = session.dataInfo();
  // More components than features: all of them.
  const components = Math.min(wholeNumber(task, 'components', params.components, 1, 784), info.features);

  let covarianceMs = 0;
  if (!reused) {
    const start = performance.now();
    session.prepare(params.standardize, params.tolerance, MAX_ITERATIONS, 0);
    covarianceMs = performance.now() - start;
  }
  // Fewer components than last time: the first ones are the same (deflation finds them in order).
  for (const item of live.fitted.slice(0, components)) progress(item);
  while (live.fitted.length < components) {
    if (cancelled()) break;
    const start = performance.now();
    const pair = session.fitNext();
    const item: PcaComponentProgress = { index: live.fitted.length, ...pair, ms: performance.now() - start };
    live.fitted.push(item);
    progress(item);
    await pause();
  }
  const fitted = live.fitted.slice(0, components);
  live.shown = fitted.length;
  if (fitted.length === 0) throw new Error(`${task}: stopped before the first component was found`);
  const columns = Math.min(scoreColumns, fitted.length);
  const moments = session.moments();
  const result = {
    reason: fitted.length < components ? ('cancelled' as const) : ('done' as const),
    reused,
    samples: info.samples,
    features: info.features,
    featureNames: info.featureNames,
    label: info.label,
    classes: info.classes,
    ignored: info.ignored,
    labels: info.labels,
    totalVariance: session.totalVariance(),
    fitted,
    scores: session.scores(columns),
    scoreColumns: columns,
    components: session.components(fitted.length),
    mean: moments.mean,
    scale: moments.scale,
    covariance: info.features <= COVARIANCE_LIMIT ? moments.covariance : new Float64Array(0),
    singular: session.singularValues(Math.min(3, fitted.length)),
    covarianceMs,
  };
  return result;
};

export const pcaReconstruct: Task<'pca.reconstruct'> = async (params) => {
  const task = 'pca.reconstruct';
  if (!live || live.shown === 0) throw new Error(`${task}: nothing is fitted yet`);
  const info = live.session.dataInfo();
  const sample = wholeNumber(task, 'sample', params.sample, 0, info.samples - 1);
  const k = wholeNumber(task, 'k', params.k, 1, live.shown);
  const r = live.session.reconstruct(sample, k);
  return { sample, k, ...r };
};
