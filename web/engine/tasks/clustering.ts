// clustering.*: the clustering lesson. The worker keeps one engine ClusteringSession (the data, the last
// linkage and the Gaussian mixture being fitted) between tasks. clustering.gmm streams every EM
// iteration (paced by frameMs so the page can animate the ellipses) and stops between iterations
// when cancelled.
import type { Task } from '.';
import type { ClusteringSession, MlplayModule } from '../../../bindings/mlplay';
import type { ClusteringLinkage, ClusteringShape, GmmState } from '../protocol';
import { wholeNumber } from './check';

const SHAPES: readonly ClusteringShape[] = ['moons', 'circles', 'blobs'];
const LINKAGES: readonly ClusteringLinkage[] = ['single', 'complete', 'average', 'ward'];
let session: ClusteringSession | null = null;

function loaded(task: string): ClusteringSession {
  if (!session) throw new Error(`${task}: load data first`);
  return session;
}

/** The adjusted Rand index of `labels` against the data's groups; NaN when the data have none. */
function agreement(engine: MlplayModule, s: ClusteringSession, labels: Int32Array): number {
  const groups = s.info().groups;
  return groups.length === labels.length && groups.length > 0 ? engine.adjustedRandIndex(labels, groups) : NaN;
}

function positive(task: string, name: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !(value > 0 && value <= max)) throw new Error(`${task}: ${name} must be a number in (0, ${max}], got ${JSON.stringify(value)}`);
  return value;
}

export const clusteringLoad: Task<'clustering.load'> = async (params, { engine }) => {
  const task = 'clustering.load';
  const next = new engine.ClusteringSession();
  try {
    if (params.source === 'shape') {
      if (!SHAPES.includes(params.shape)) throw new Error(`${task}: shape must be moons, circles or blobs`);
      if (typeof params.noise !== 'number' || !(params.noise >= 0 && params.noise <= 5)) throw new Error(`${task}: noise must be from 0 to 5`);
      next.loadShape(params.shape, wholeNumber(task, 'n', params.n, 10, 2000), params.noise, wholeNumber(task, 'seed', params.seed, 0, 2 ** 32));
    } else if (params.source === 'csv') {
      if (typeof params.csv !== 'string' || typeof params.label !== 'string') throw new Error(`${task}: csv and label must be strings`);
      next.loadCsv(params.csv, params.label);
    } else {
      throw new Error(`${task}: source must be shape or csv`);
    }
  } catch (error) {
    next.delete();
    throw error;
  }
  session?.delete();
  session = next;
  return session.info();
};

export const clusteringDbscan: Task<'clustering.dbscan'> = async (params, { engine }) => {
  const task = 'clustering.dbscan';
  const s = loaded(task);
  const r = s.dbscan(positive(task, 'eps', params.eps, 1e6), wholeNumber(task, 'minSamples', params.minSamples, 1, 1000), params.standardize === true);
  return { ...r, agreement: agreement(engine, s, r.labels) };
};

export const clusteringHclust: Task<'clustering.hclust'> = async (params, { engine }) => {
  const task = 'clustering.hclust';
  const s = loaded(task);
  if (!LINKAGES.includes(params.linkage)) throw new Error(`${task}: linkage must be one of ${LINKAGES.join(', ')}`);
  const tree = s.linkage(params.linkage, params.standardize === true);
  const k = wholeNumber(task, 'k', params.k, 1, tree.order.length);
  const labels = s.cut(k);
  return { ...tree, k, labels, agreement: agreement(engine, s, labels) };
};

export const clusteringCut: Task<'clustering.cut'> = async (params, { engine }) => {
  const task = 'clustering.cut';
  const s = loaded(task);
  const n = s.info().samples;
  const k = params.k > 0 ? wholeNumber(task, 'k', params.k, 1, n) : s.clustersAt(positive(task, 'height', params.height, Number.MAX_VALUE));
  const labels = s.cut(k);
  return { k, labels, agreement: agreement(engine, s, labels) };
};

export const clusteringGmm: Task<'clustering.gmm'> = async (params, { engine, progress, cancelled, yield: pause }) => {
  const task = 'clustering.gmm';
  const s = loaded(task);
  const k = wholeNumber(task, 'k', params.k, 1, 10);
  const maxIter = wholeNumber(task, 'maxIter', params.maxIter, 1, 1000);
  const frameMs = wholeNumber(task, 'frameMs', params.frameMs, 0, 5000);
  let state: GmmState = s.gmmStart(k, wholeNumber(task, 'seed', params.seed, 0, 2 ** 32), params.standardize === true);
  progress(state);
  while (!state.converged && state.iteration < maxIter) {
    if (frameMs > 0) await new Promise((resolve) => setTimeout(resolve, frameMs));
    await pause();
    if (cancelled()) return { ...state, reason: 'cancelled', agreement: agreement(engine, s, state.labels) };
    state = s.gmmStep();
    progress(state);
  }
  return { ...state, reason: state.converged ? 'converged' : 'max-iter', agreement: agreement(engine, s, state.labels) };
};

export const clusteringGmmBic: Task<'clustering.gmmBic'> = async (params) => {
  const task = 'clustering.gmmBic';
  return loaded(task).gmmBic(wholeNumber(task, 'kMax', params.kMax, 1, 10), wholeNumber(task, 'seed', params.seed, 0, 2 ** 32), params.standardize === true);
};

export const clusteringKMeans: Task<'clustering.kmeans'> = async (params, { engine }) => {
  const task = 'clustering.kmeans';
  const s = loaded(task);
  const labels = s.kmeansLabels(wholeNumber(task, 'k', params.k, 1, 20), wholeNumber(task, 'seed', params.seed, 0, 2 ** 32), params.standardize === true);
  return { labels, agreement: agreement(engine, s, labels) };
};
