// minigpt.*: the minigpt lesson. The worker keeps one engine MiniGpt per slot ('shipped': the model
// `mlplay train gpt` trained on Jane Austen; 'trained': the learner's own). Generation streams one
// progress message per sampled token (its text, top-10 and attention) and checks for cancel between
// tokens; training runs a few steps at a time and reports train/validation loss and tokens/s.
// Mistakes a learner can make (too little text, no model yet, a broken file) come back as results.
import type { Task } from '.';
import type { MiniGpt, MlplayModule } from '../../../bindings/mlplay';
import type { MinigptModelInfo, MinigptSize, MinigptSlot, MinigptToken, MinigptTopTokens } from '../protocol';
import { wholeNumber } from './check';

const SLOTS: readonly MinigptSlot[] = ['shipped', 'trained'];
const SIZES: readonly MinigptSize[] = ['tiny', 'small'];
/** Generation lets a cancel through at least this often; training reports this often. */
const YIELD_MS = 30;
const REPORT_MS = 250;

const models: Partial<Record<MinigptSlot, MiniGpt>> = {};

function slotOf(task: string, value: unknown): MinigptSlot {
  if (!SLOTS.includes(value as MinigptSlot)) throw new Error(`${task}: slot must be 'shipped' or 'trained', got ${JSON.stringify(value)}`);
  return value as MinigptSlot;
}

function modelIn(engine: MlplayModule, slot: MinigptSlot): MiniGpt {
  models[slot] ??= new engine.MiniGpt();
  return models[slot];
}

function infoOf(slot: MinigptSlot, model: MiniGpt): MinigptModelInfo {
  return { slot, ...model.info() };
}

function numberIn(task: string, name: string, value: unknown, min: number, max: number, minOpen = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value > max || (minOpen ? value <= min : value < min)) {
    throw new Error(`${task}: ${name} must be a number ${minOpen ? 'above' : 'from'} ${min} ${minOpen ? 'and at most' : 'to'} ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const NO_MODEL = 'No model is loaded in this slot yet: load the shipped model or train one first.';

function emptyTop(): MinigptTopTokens {
  return { ids: new Int32Array(0), tokens: [], probs: new Float32Array(0) };
}

export const minigptLoad: Task<'minigpt.load'> = async (params, { engine }) => {
  const task = 'minigpt.load';
  const slot = slotOf(task, params.slot);
  let bytes: Uint8Array;
  if (params.bytes instanceof Uint8Array) {
    bytes = params.bytes;
  } else if (typeof params.url === 'string') {
    const response = await fetch(params.url);
    if (!response.ok) throw new Error(`${task}: could not download the model ${params.url}: HTTP ${response.status}`);
    bytes = new Uint8Array(await response.arrayBuffer());
  } else {
    throw new Error(`${task}: give url or bytes`);
  }
  const model = modelIn(engine, slot);
  try {
    model.load(bytes);
  } catch (error) {
    // A broken or foreign file (an upload, a stale IndexedDB entry): say why; the slot keeps its model.
    return { ok: false, slot, message: `This file is not a minigpt model: ${messageOf(error)}` };
  }
  return { ok: true, ...infoOf(slot, model) };
};

export const minigptInfo: Task<'minigpt.info'> = async (params, { engine }) => {
  const slot = slotOf('minigpt.info', params.slot);
  return infoOf(slot, modelIn(engine, slot));
};

export const minigptTokenize: Task<'minigpt.tokenize'> = async (params, { engine }) => {
  const task = 'minigpt.tokenize';
  const slot = slotOf(task, params.slot);
  if (typeof params.text !== 'string') throw new Error(`${task}: text must be a string`);
  const model = modelIn(engine, slot);
  if (!model.info().loaded) {
    return { ok: false, message: NO_MODEL, ids: new Int32Array(0), tokens: [], byteLengths: new Int32Array(0), kept: 0, contextLength: 0 };
  }
  const t = model.tokenize(params.text);
  return { ok: true, message: '', ...t, kept: Math.min(t.ids.length, t.contextLength - 1) };
};

export const minigptGenerate: Task<'minigpt.generate'> = async (params, context) => {
  const task = 'minigpt.generate';
  const slot = slotOf(task, params.slot);
  if (typeof params.prompt !== 'string') throw new Error(`${task}: prompt must be a string`);
  const maxTokens = wholeNumber(task, 'maxTokens', params.maxTokens, 1, 5000);
  const temperature = numberIn(task, 'temperature', params.temperature, 0, 10);
  const topK = wholeNumber(task, 'topK', params.topK, 0, 1_000_000);
  const topP = numberIn(task, 'topP', params.topP, 0, 1, true);
  const seed = wholeNumber(task, 'seed', params.seed, 0, Number.MAX_SAFE_INTEGER);
  const withAttention = params.attention !== false;
  const model = modelIn(context.engine, slot);
  if (!model.info().loaded) {
    return {
      outcome: 'no-model', message: NO_MODEL, promptIds: new Int32Array(0), promptTokens: [], promptTruncated: false,
      promptDropped: 0, ids: new Int32Array(0), text: '', tokens: 0, seconds: 0, tokensPerSecond: 0,
    };
  }
  const prompt = model.beginGeneration(params.prompt, temperature, topK, topP, seed);
  const start = performance.now();
  let lastYield = start;
  let count = 0;
  let outcome: 'finished' | 'cancelled' = 'finished';
  while (count < maxTokens) {
    if (context.cancelled()) {
      outcome = 'cancelled';
      break;
    }
    const t = model.nextToken(withAttention);
    count += 1;
    const now = performance.now();
    const token: MinigptToken = { index: count - 1, ...t, tokensPerSecond: count / Math.max((now - start) / 1000, 1e-6) };
    context.progress(token, [t.attention.buffer as ArrayBuffer, t.top.ids.buffer as ArrayBuffer, t.top.probs.buffer as ArrayBuffer]);
    if (now - lastYield >= YIELD_MS) {
      await context.yield();
      lastYield = performance.now();
    }
  }
  const seconds = (performance.now() - start) / 1000;
  const sampled = model.sampled();
  return {
    outcome,
    message: outcome === 'cancelled' ? 'Stopped.' : '',
    promptIds: prompt.ids,
    promptTokens: prompt.tokens,
    promptTruncated: prompt.dropped > 0,
    promptDropped: prompt.dropped,
    ids: sampled.ids,
    text: sampled.text,
    tokens: count,
    seconds,
    tokensPerSecond: seconds > 0 ? count / seconds : 0,
  };
};

export const minigptInspect: Task<'minigpt.inspect'> = async (params, { engine }) => {
  const task = 'minigpt.inspect';
  const slot = slotOf(task, params.slot);
  if (!(params.ids instanceof Int32Array) || params.ids.length === 0) throw new Error(`${task}: ids must be a non-empty Int32Array`);
  const position = wholeNumber(task, 'position', params.position, 0, params.ids.length - 1);
  const temperature = numberIn(task, 'temperature', params.temperature, 0, 10);
  const model = modelIn(engine, slot);
  if (!model.info().loaded) {
    return { ok: false, message: NO_MODEL, attention: new Float32Array(0), windowLength: 0, windowStart: 0, layers: 0, heads: 0, top: emptyTop() };
  }
  return { ok: true, message: '', ...model.inspect(params.ids, position, temperature) };
};

export const minigptTrain: Task<'minigpt.train'> = async (params, context) => {
  const task = 'minigpt.train';
  if (typeof params.text !== 'string') throw new Error(`${task}: text must be a string`);
  if (!SIZES.includes(params.size)) throw new Error(`${task}: size must be 'tiny' or 'small', got ${JSON.stringify(params.size)}`);
  const steps = wholeNumber(task, 'steps', params.steps, 1, 100_000);
  const batch = wholeNumber(task, 'batch', params.batch, 1, 64);
  const lr = numberIn(task, 'lr', params.lr, 0, 0.1, true);
  const seed = wholeNumber(task, 'seed', params.seed, 0, Number.MAX_SAFE_INTEGER);
  const evalEvery = wholeNumber(task, 'evalEvery', params.evalEvery, 1, 100_000);
  const model = modelIn(context.engine, 'trained');
  const startMs = performance.now();
  const givenChars = new TextEncoder().encode(params.text).length;
  const result = (outcome: 'finished' | 'cancelled' | 'too-little-text' | 'diverged', message: string, neededChars: number,
    step: number, trainLoss: number, valLoss: number) => ({
    outcome, message, neededChars, givenChars, steps: step, trainLoss, valLoss,
    perplexity: Number.isFinite(valLoss) ? Math.exp(valLoss) : NaN,
    seconds: (performance.now() - startMs) / 1000,
    info: model.info().loaded ? infoOf('trained', model) : null,
  });

  context.progress({ kind: 'tokenizer', merges: 0, total: 1 });
  await context.yield();
  const start = model.startTraining(params.text, params.size, steps, batch, lr, seed);
  if (!start.ok) return result('too-little-text', start.message, start.neededChars, 0, NaN, NaN);
  const vocab = model.info().config.vocabSize;
  context.progress({ kind: 'tokenizer', merges: vocab - 257, total: vocab - 257 });
  await context.yield();

  let step = 0;
  let trainLoss = NaN;
  let valLoss = NaN;
  let lossSum = 0;
  let lossSteps = 0;
  let windowStart = performance.now();
  let windowTokens = 0;
  let currentLr = 0;
  let outcome: 'finished' | 'cancelled' | 'diverged' = 'finished';
  let message = '';
  while (step < steps) {
    if (context.cancelled()) {
      outcome = 'cancelled';
      message = 'Stopped: the model trained so far is kept.';
      break;
    }
    // Steps until the next report, validation or the end.
    const reportAt = performance.now() + REPORT_MS;
    let evaluated = false;
    try {
      while (step < steps && performance.now() < reportAt && !evaluated) {
        const r = model.trainSteps(1);
        step = r.step;
        currentLr = r.lr;
        lossSum += r.loss;
        lossSteps += 1;
        windowTokens += r.tokensPerStep;
        if (step % evalEvery === 0 || step === steps) {
          valLoss = model.validationLoss();
          evaluated = true;
        }
      }
    } catch (error) {
      outcome = 'diverged';
      message = messageOf(error);
      break;
    }
    trainLoss = lossSum / Math.max(lossSteps, 1);
    const now = performance.now();
    context.progress({
      kind: 'step', step, steps, trainLoss, valLoss: evaluated ? valLoss : null, lr: currentLr,
      tokensPerSecond: windowTokens / Math.max((now - windowStart) / 1000, 1e-6), done: step / steps,
    });
    lossSum = 0;
    lossSteps = 0;
    windowTokens = 0;
    await context.yield();
    windowStart = performance.now();
  }
  if (outcome !== 'diverged') {
    if (!Number.isFinite(valLoss) || outcome === 'cancelled') valLoss = model.validationLoss();
    model.finishTraining(valLoss);
  }
  return result(outcome, message, start.neededChars, step, trainLoss, valLoss);
};

export const minigptSave: Task<'minigpt.save'> = async (params, { engine }) => {
  const slot = slotOf('minigpt.save', params.slot);
  const model = modelIn(engine, slot);
  if (!model.info().loaded) return { ok: false, message: NO_MODEL, bytes: new Uint8Array(0) };
  return { ok: true, message: '', bytes: model.save() };
};
