// spamFilter.*: the spam-filter lesson. The worker keeps one engine SpamFilter. spamFilter.load
// downloads the corpus (gzip'd at site-build time, headers already stripped), unzips it with the
// browser's DecompressionStream and hands the bytes to the engine, which decodes the e-mails,
// tokenizes, splits 80/20 (stratified) and counts words. Changing α re-scores without recounting.
import type { Task } from '.';
import type { SpamFilter } from '../../../bindings/mlplay';
import type { SpamEvaluation, SpamLoadProgress } from '../protocol';
import { wholeNumber } from './check';
import { fetchGzip } from './fetch-gzip';

/** Words per classification sent to the page, and in the spam/ham word tables. */
const MAX_WORDS = 12;
const TOP_WORDS = 12;
/** A word must appear in this many training messages to enter the word tables (rarer ratios are noise). */
const MIN_DOCUMENTS = 20;
/** The α grid of the sweep: 10^-3 … 10^2, ten steps a decade (the lesson's slider positions). */
const SWEEP = Array.from({ length: 51 }, (_, i) => 10 ** (-3 + i / 10));
/** About the compressed size, for the progress bar until the server says (content-length). */
const APPROX_BYTES = 4_000_000;

let filter: SpamFilter | null = null;
let loadedKey = '';

function need(): SpamFilter {
  if (!filter) throw new Error('spamFilter: load the corpus first (spamFilter.load)');
  return filter;
}

function checkAlpha(task: string, alpha: unknown): number {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha <= 0 || alpha > 1000) {
    throw new Error(`${task}: alpha must be a number above 0 and at most 1000, got ${JSON.stringify(alpha)}`);
  }
  return alpha;
}

function evaluation(f: SpamFilter): SpamEvaluation {
  const e = f.evaluate();
  return {
    alpha: f.alpha(),
    metrics: e.metrics,
    pSpam: e.pSpam,
    predicted: e.predicted,
    truth: e.truth,
    topSpam: f.topWords('spam', TOP_WORDS, MIN_DOCUMENTS),
    topHam: f.topWords('ham', TOP_WORDS, MIN_DOCUMENTS),
  };
}

export const spamFilterLoad: Task<'spamFilter.load'> = async (params, { engine, progress, yield: pause }) => {
  const task = 'spamFilter.load';
  if (typeof params.url !== 'string') throw new Error(`${task}: url must be the corpus file's URL`);
  const alpha = checkAlpha(task, params.alpha);
  const seed = wholeNumber(task, 'seed', params.seed, 0, 2 ** 32 - 1);
  const key = `${params.url} ${seed}`;
  if (!filter || loadedKey !== key) {
    let total = APPROX_BYTES;
    const report = (p: SpamLoadProgress) => progress(p);
    const bytes = await fetchGzip(params.url, (loaded, size) => {
      if (size > 0) total = size;
      report({ stage: 'download', loadedBytes: loaded, totalBytes: Math.max(total, loaded) });
    });
    report({ stage: 'train', loadedBytes: total, totalBytes: total });
    await pause();
    filter?.delete();
    filter = null;
    filter = new engine.SpamFilter(bytes, 0.2, seed, alpha);
    loadedKey = key;
  }
  const f = filter;
  f.setAlpha(alpha);
  const sweep = f.alphaSweep(SWEEP);
  return {
    ...evaluation(f),
    summary: f.summary(),
    sweep: { alpha: Float64Array.from(SWEEP), accuracy: sweep.accuracy, f1: sweep.f1 },
  };
};

export const spamFilterAlpha: Task<'spamFilter.alpha'> = async (params) => {
  const f = need();
  f.setAlpha(checkAlpha('spamFilter.alpha', params.alpha));
  return evaluation(f);
};

export const spamFilterClassify: Task<'spamFilter.classify'> = async (params) => {
  if (typeof params.text !== 'string') throw new Error('spamFilter.classify: text must be a string');
  return need().classify(params.text, MAX_WORDS);
};

export const spamFilterMessage: Task<'spamFilter.message'> = async (params) => {
  const f = need();
  const index = wholeNumber('spamFilter.message', 'index', params.index, 0, 1e9);
  return { ...f.testMessage(index, MAX_WORDS), index };
};

/** One word as the tokenizer reads it ("FREE" is free, "1,000" is <number>); more or fewer gets a message. */
export const spamFilterWord: Task<'spamFilter.word'> = async (params, { engine }) => {
  if (typeof params.word !== 'string') throw new Error('spamFilter.word: word must be a string');
  const tokens = engine.spamTokenize(params.word);
  if (tokens.length !== 1) {
    const message = tokens.length === 0
      ? 'Type a word: letters or digits (the filter ignores other characters).'
      : `Type one word: the filter reads that as ${tokens.length} tokens (${tokens.join(' ')}).`;
    return { ok: false, message };
  }
  return { ok: true, word: need().wordStats(tokens[0]) };
};
