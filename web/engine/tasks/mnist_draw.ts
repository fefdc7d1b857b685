// mnistDraw.*: the mnist-draw lesson. The worker keeps one engine DigitReader (the lesson's CNN) and,
// once fetched, MNIST in wasm memory; every task uses them, so the page reads drawings with whatever
// weights training has just produced. MNIST comes as gzip'd IDX files under the site's data/mnist/,
// fetched with streaming progress and unzipped with the browser's DecompressionStream; the engine's
// IDX reader parses and checks them.
import type { Task } from '.';
import type { DigitReader, MlplayModule } from '../../../bindings/mlplay';
import type { MnistDataProgress, MnistOptimizerName, MnistTrainProgress } from '../protocol';
import { wholeNumber } from './check';
import { fetchGzip } from './fetch-gzip';

const OPTIMIZERS: readonly MnistOptimizerName[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'lion'];
/** Training reports at most this often, and gives pending reads a turn between steps. */
const REPORT_MS = 250;

let reader: DigitReader | null = null;
const loadedSets = new Set<'train' | 'test'>();

function digitReader(engine: MlplayModule): DigitReader {
  reader ??= new engine.DigitReader();
  return reader;
}

/** Approximate compressed sizes, for a progress bar before the server says (content-length). */
const FILES = {
  test: [
    ['t10k-images-idx3-ubyte.gz', 1_650_000],
    ['t10k-labels-idx1-ubyte.gz', 4_500],
  ],
  train: [
    ['train-images-idx3-ubyte.gz', 9_900_000],
    ['train-labels-idx1-ubyte.gz', 29_000],
  ],
} as const;

export const mnistDrawRead: Task<'mnistDraw.read'> = async (params, { engine }) => {
  const task = 'mnistDraw.read';
  const width = wholeNumber(task, 'width', params.width, 1, 4096);
  const height = wholeNumber(task, 'height', params.height, 1, 4096);
  if (!(params.ink instanceof Float32Array) || params.ink.length !== width * height) {
    throw new Error(`${task}: ink must be a Float32Array of width × height = ${width * height} values`);
  }
  return digitReader(engine).read(params.ink, width, height, params.maps === true);
};

export const mnistDrawProfile: Task<'mnistDraw.profile'> = async (params, { engine }) => {
  const task = 'mnistDraw.profile';
  const width = wholeNumber(task, 'width', params.width, 1, 4096);
  const height = wholeNumber(task, 'height', params.height, 1, 4096);
  const repeats = wholeNumber(task, 'repeats', params.repeats, 1, 100_000);
  if (!(params.ink instanceof Float32Array) || params.ink.length !== width * height) {
    throw new Error(`${task}: ink must be a Float32Array of width × height = ${width * height} values`);
  }
  return digitReader(engine).profile(params.ink, width, height, repeats);
};

export const mnistDrawLoad: Task<'mnistDraw.load'> = async (params, { engine }) => {
  const r = digitReader(engine);
  if (params.bytes instanceof Uint8Array) {
    r.load(params.bytes);
  } else if (typeof params.url === 'string') {
    const response = await fetch(params.url);
    if (!response.ok) throw new Error(`mnistDraw.load: could not download the model ${params.url}: HTTP ${response.status}`);
    r.load(new Uint8Array(await response.arrayBuffer()));
  } else {
    throw new Error('mnistDraw.load: give url or bytes');
  }
  return r.info();
};

export const mnistDrawSave: Task<'mnistDraw.save'> = async (_params, { engine }) => ({ bytes: digitReader(engine).save() });

export const mnistDrawData: Task<'mnistDraw.data'> = async (params, { engine, progress }) => {
  if (typeof params.dataUrl !== 'string') throw new Error('mnistDraw.data: dataUrl must be the data/mnist/ folder URL');
  if (params.which !== 'test' && params.which !== 'all') throw new Error("mnistDraw.data: which must be 'test' or 'all'");
  const r = digitReader(engine);
  const sets: ('test' | 'train')[] = params.which === 'all' ? ['test', 'train'] : ['test'];
  const wanted = sets.filter((set) => !loadedSets.has(set));
  const files = wanted.flatMap((set) => FILES[set].map(([name, size]) => ({ set, name, size })));
  const totals: number[] = files.map((f) => f.size);
  const loaded = files.map(() => 0);
  const report = (file: string): void => {
    const p: MnistDataProgress = {
      loadedBytes: loaded.reduce((a, b) => a + b, 0),
      totalBytes: totals.reduce((a, b) => a + b, 0),
      file,
    };
    progress(p);
  };
  for (const set of wanted) {
    const [images, labels] = await Promise.all(
      FILES[set].map(([name]) => {
        const i = files.findIndex((f) => f.name === name);
        return fetchGzip(new URL(name, params.dataUrl).href, (bytes, total) => {
          loaded[i] = bytes;
          if (total > 0) totals[i] = total;
          report(name);
        });
      }),
    );
    r.setData(set, images, labels);
    loadedSets.add(set);
  }
  return { train: r.dataCount('train'), test: r.dataCount('test') };
};

export const mnistDrawTrain: Task<'mnistDraw.train'> = async (params, context) => {
  const task = 'mnistDraw.train';
  const { engine } = context;
  if (params.start !== 'scratch' && params.start !== 'finetune') throw new Error(`${task}: start must be 'scratch' or 'finetune'`);
  if (!OPTIMIZERS.includes(params.optimizer)) throw new Error(`${task}: optimizer must be one of ${OPTIMIZERS.join(', ')}`);
  if (typeof params.lr !== 'number' || !Number.isFinite(params.lr) || params.lr <= 0 || params.lr > 10) {
    throw new Error(`learning rate must be a number above 0 and at most 10, got ${String(params.lr)}`);
  }
  const batch = wholeNumber(task, 'batch', params.batch, 1, 4096);
  const epochs = wholeNumber(task, 'epochs', params.epochs, 1, 100);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 31 - 1);
  const trainDigits = wholeNumber(task, 'trainDigits', params.trainDigits, 1, 60_000);
  const testDigits = wholeNumber(task, 'testDigits', params.testDigits, 1, 10_000);
  const r = digitReader(engine);
  if (r.dataCount('train') === 0 || r.dataCount('test') === 0) throw new Error(`${task}: load the data first (mnistDraw.data, which: 'all')`);

  r.startTraining(params.start, params.optimizer, params.lr, batch, epochs, params.augment === true, seed, trainDigits);
  const started = performance.now();
  let epochStarted = started;
  let lossSum = 0;
  let lossSteps = 0;
  let epochLoss = 0;
  let epochSteps = 0;
  let samplesSince = 0;
  let since = started;
  let testAccuracy = 0;
  let epochsDone = 0;
  for (;;) {
    if (context.cancelled()) {
      return { outcome: 'cancelled' as const, message: 'stopped', epochs: epochsDone, testAccuracy, seconds: (performance.now() - started) / 1000, modelVersion: r.version() };
    }
    // One step at a time, yielding between them, so the page's reads of a drawing get a turn.
    const s = r.trainSteps(1);
    if (s.diverged) {
      return { outcome: 'diverged' as const, message: s.message ?? 'training diverged', epochs: epochsDone, testAccuracy, seconds: (performance.now() - started) / 1000, modelVersion: r.version() };
    }
    lossSum += s.loss * s.steps;
    lossSteps += s.steps;
    epochLoss += s.loss * s.steps;
    epochSteps += s.steps;
    samplesSince += s.steps * batch;
    const now = performance.now();
    if (now - since >= REPORT_MS || s.epochEnded) {
      const step: MnistTrainProgress = {
        kind: 'step',
        epoch: s.epoch,
        step: s.step,
        stepsPerEpoch: s.stepsPerEpoch,
        loss: lossSum / Math.max(1, lossSteps),
        lr: s.lr,
        samplesPerSecond: samplesSince / ((now - since) / 1000),
        done: ((s.epoch - 1) * s.stepsPerEpoch + s.step) / (epochs * s.stepsPerEpoch),
        modelVersion: s.modelVersion,
      };
      context.progress(step);
      lossSum = 0;
      lossSteps = 0;
      samplesSince = 0;
      since = now;
    }
    if (s.epochEnded) {
      const score = r.score(testDigits);
      testAccuracy = score.accuracy;
      epochsDone = s.epoch;
      context.progress({
        kind: 'epoch',
        epoch: s.epoch,
        testAccuracy: score.accuracy,
        testLoss: score.loss,
        trainLoss: epochLoss / Math.max(1, epochSteps),
        seconds: (performance.now() - epochStarted) / 1000,
      });
      epochLoss = 0;
      epochSteps = 0;
      epochStarted = performance.now();
      since = epochStarted;
    }
    if (s.finished) {
      return { outcome: 'finished' as const, message: '', epochs: epochsDone, testAccuracy, seconds: (performance.now() - started) / 1000, modelVersion: r.version() };
    }
    await context.yield();
  }
};

export const mnistDrawMistakes: Task<'mnistDraw.mistakes'> = async (params, { engine }) => {
  const limit = wholeNumber('mnistDraw.mistakes', 'limit', params.limit, 0, 500);
  return digitReader(engine).mistakes(limit);
};
