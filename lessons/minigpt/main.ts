// minigpt: the controller. The engine worker holds the GPTs, tokenizes, samples with its KV cache,
// inspects any position's attention and trains the learner's own model; this page streams the tokens
// into the text, draws the bars and the attention heat map, and keeps every setting in the URL hash
// (the views are in output-view.ts, views.ts and heatmap.ts, the worker's models in session.ts, the
// training panel in training.ts).
import type { MinigptModelInfo, MinigptSlot, MinigptToken } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { type Field, HashState, choiceField, decimalHash, intField } from '../../web/site/hash-state';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { setupExercise } from '../../web/widgets/exercise';
import { numberField } from '../../web/widgets/number-field';
import { AttentionHeatmap } from './heatmap';
import { type Run, TokenInspector } from './inspector';
import { OutputView } from './output-view';
import { GptSession } from './session';
import { TRAIN_SIZES, TRAIN_SOURCES, TrainingPanel } from './training';
import { ProbabilityBars, showChips } from './views';
import './minigpt.css';

const MAX_PROMPT_IN_URL = 2000;
const MAX_TOKENS = 5000;
const MAX_SEED = 2 ** 31 - 1;

function textHash(defaultValue: string, maxLength: number): Field<string> {
  return { defaultValue, parse: (t) => (t.length <= maxLength ? t : undefined), format: (v) => (v.length <= maxLength ? v : v.slice(0, maxLength)) };
}

const hash = new HashState({
  prompt: textHash('It is a truth universally acknowledged', MAX_PROMPT_IN_URL),
  model: choiceField<MinigptSlot>('shipped', ['shipped', 'trained']),
  temp: decimalHash(0.8, 0, 2),
  topk: intField(0, 0, 100_000),
  topp: decimalHash(0.95, 0.01, 1),
  max: intField(200, 1, MAX_TOKENS),
  seed: intField(1, 0, MAX_SEED),
  layer: intField(1, 1, 64),
  head: intField(1, 1, 64),
  tint: choiceField<'on' | 'off'>('on', ['on', 'off']),
  source: choiceField<(typeof TRAIN_SOURCES)[number]>('corpus', TRAIN_SOURCES),
  size: choiceField<(typeof TRAIN_SIZES)[number]>('tiny', TRAIN_SIZES),
  steps: intField(300, 1, 5000),
  batch: intField(16, 1, 64),
  lr: decimalHash(0.003, 1e-5, 0.1),
});
const state = hash.read();
const saveState = () => hash.write(state);

const message = (id: string) => document.getElementById(`${id}-message`)!;
const promptBox = $<HTMLTextAreaElement>('gpt-prompt');
const modelSelect = $<HTMLSelectElement>('gpt-model');
const generateButton = $<HTMLButtonElement>('gpt-generate');
const stopButton = $<HTMLButtonElement>('gpt-stop');
const status = $<HTMLElement>('gpt-status');
const modelInfo = $<HTMLElement>('gpt-model-info');
const selectedLine = $<HTMLElement>('gpt-selected');
const layerSelect = $<HTMLSelectElement>('gpt-layer');
const headSelect = $<HTMLSelectElement>('gpt-head');
const attentionSummary = $<HTMLElement>('gpt-attention-summary');

const say = (element: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  element.textContent = text;
  element.dataset.state = kind;
};

const session = new GptSession();
const bars = new ProbabilityBars($('gpt-probs'));
const heatmap = new AttentionHeatmap($<HTMLCanvasElement>('gpt-attention'));
const output = new OutputView($('gpt-output'), (token) => {
  follow = false;
  void inspector.show(token.position);
});

// ---- settings ----------------------------------------------------------------------------------

const temperature = decimalField($<HTMLInputElement>('gpt-temperature'), message('gpt-temperature'), {
  label: 'Temperature', min: 0, max: 2, format: formatSignificant6,
  onChange(value) {
    state.temp = value;
    saveState();
  },
});
const topK = numberField($<HTMLInputElement>('gpt-top-k'), message('gpt-top-k'), {
  label: 'Top-k', min: 0, max: 100_000,
  onChange(value) {
    state.topk = value;
    saveState();
  },
});
const topP = decimalField($<HTMLInputElement>('gpt-top-p'), message('gpt-top-p'), {
  label: 'Top-p', min: 0.01, max: 1, format: formatSignificant6,
  onChange(value) {
    state.topp = value;
    saveState();
  },
});
const maxTokens = numberField($<HTMLInputElement>('gpt-max-tokens'), message('gpt-max-tokens'), {
  label: 'Max tokens', min: 1, max: MAX_TOKENS,
  onChange(value) {
    state.max = value;
    saveState();
  },
});
const seed = numberField($<HTMLInputElement>('gpt-seed'), message('gpt-seed'), {
  label: 'Seed', min: 0, max: MAX_SEED,
  onChange(value) {
    state.seed = value;
    saveState();
  },
});
$('gpt-seed-new').addEventListener('click', () => {
  const value = Math.floor(Math.random() * 1_000_000);
  seed.set(value);
  state.seed = value;
  saveState();
});

const tint = $<HTMLInputElement>('gpt-boundaries');
const applyTint = () => $('gpt-output').classList.toggle('gpt-tint', state.tint === 'on');
tint.addEventListener('change', () => {
  state.tint = tint.checked ? 'on' : 'off';
  applyTint();
  saveState();
});

// ---- the model and the prompt's tokens -----------------------------------------------------------

let config: MinigptModelInfo['config'] | null = null;

function describeModel(info: MinigptModelInfo): string {
  const c = info.config;
  const size = `${c.layers} layers, ${c.heads} heads, width d = ${c.dim}, a ${c.contextLength}-token window, ` +
    `${c.vocabSize.toLocaleString('en-US')} tokens in its vocabulary, ${(info.parameters / 1e6).toFixed(2)} M parameters`;
  const record = info.recordedValLoss === null ? '' :
    `; validation loss ${info.recordedValLoss.toFixed(3)} nats per token (perplexity ${info.recordedPerplexity?.toFixed(1) ?? '–'})`;
  const steps = info.recordedSteps === null ? '' : ` after ${info.recordedSteps.toLocaleString('en-US')} steps`;
  const corpus = info.corpus ? ` on ${info.corpus}` : '';
  const who = info.slot === 'shipped' ? 'The shipped model, trained natively by mlplay train gpt' : 'Your model, trained in this browser';
  return `${who}${corpus}${steps}: ${size}${record}.`;
}

function fillSelect(select: HTMLSelectElement, count: number, chosen: number): number {
  const value = Math.min(Math.max(1, chosen), count);
  select.replaceChildren(...Array.from({ length: count }, (_, i) => new Option(String(i + 1), String(i + 1))));
  select.value = String(value);
  return value;
}

function useConfig(info: MinigptModelInfo): void {
  config = info.config;
  say(modelInfo, describeModel(info));
  state.layer = fillSelect(layerSelect, info.config.layers, state.layer);
  state.head = fillSelect(headSelect, info.config.heads, state.head);
  topK.setMax(info.config.vocabSize);
  saveState();
}

let tokenizeTimer = 0;
let tokenizeVersion = 0;

function scheduleTokenize(): void {
  clearTimeout(tokenizeTimer);
  tokenizeTimer = window.setTimeout(() => void showPromptTokens(), 120);
}

async function showPromptTokens(): Promise<void> {
  const version = ++tokenizeVersion;
  const slot = state.model;
  const text = promptBox.value;
  try {
    await session.ensure(slot);
    const result = await session.call('minigpt.tokenize', { slot, text });
    if (version !== tokenizeVersion) return;
    if (!result.ok) throw new Error(result.message);
    const n = result.ids.length;
    const dropped = n - result.kept;
    showChips($('gpt-prompt-tokens'), result.tokens, result.ids, dropped);
    $('gpt-prompt-count').textContent = n === 0
      ? 'No tokens: the model starts from its start token alone.'
      : `${n.toLocaleString('en-US')} token${n === 1 ? '' : 's'} from ${[...text].length.toLocaleString('en-US')} characters.`;
    $('gpt-prompt-note').textContent = dropped > 0
      ? `Longer than the model's ${result.contextLength}-token window (the start token and ${result.contextLength - 1} more): ` +
        `generating keeps the last ${result.kept} and drops the first ${dropped.toLocaleString('en-US')} (struck through).`
      : '';
  } catch (error) {
    if (version === tokenizeVersion) $('gpt-prompt-note').textContent = `Could not split the prompt: ${(error as Error).message}`;
  }
}

promptBox.addEventListener('input', () => {
  state.prompt = promptBox.value;
  saveState();
  scheduleTokenize();
});

// ---- generating -----------------------------------------------------------------------------------

let run: Run | null = null;
let generating: AbortController | null = null;
let follow = true;
let frame = 0;

function queryIndex(t: { windowStart: number; windowLength: number }): number {
  // The window is the start token, then sequence indices windowStart … windowStart + windowLength − 2;
  // its last token is the query.
  return t.windowStart + t.windowLength - 2;
}

async function generate(): Promise<void> {
  if (generating) return;
  const controller = new AbortController();
  generating = controller;
  setGenerating(true);
  const slot = state.model;
  const temperatureNow = temperature.value();
  const prompt = promptBox.value;
  try {
    say(status, 'Loading the model…');
    await session.ensure(slot);
    const split = await session.call('minigpt.tokenize', { slot, text: prompt });
    if (!split.ok) throw new Error(split.message);
    const dropped = split.ids.length - split.kept;
    run = {
      slot,
      ids: Array.from(split.ids.subarray(dropped)),
      tokens: split.tokens.slice(dropped),
      promptLength: split.kept,
      rows: new Map(),
      temperature: temperatureNow,
    };
    output.reset(dropped);
    const texts = promptTexts(prompt, split.byteLengths, dropped);
    run.ids.forEach((id, i) => output.add({ position: i, id, token: run!.tokens[i], text: texts[i], kind: 'prompt' }));
    output.flush();
    follow = true;
    bars.clear();
    heatmap.clear();
    $('gpt-count').textContent = '0';
    $('gpt-rate').textContent = '–';
    $('gpt-seconds').textContent = '–';
    say(selectedLine, 'Sampling…');
    attentionSummary.textContent = '';
    say(status, dropped > 0 ? `Sampling… (the prompt's first ${dropped} tokens did not fit the window and were cut)` : 'Sampling…');
    const current = run;
    const result = await session.call('minigpt.generate', {
      slot,
      prompt,
      maxTokens: maxTokens.value(),
      temperature: temperatureNow,
      topK: topK.value(),
      topP: topP.value(),
      seed: seed.value(),
      attention: true,
    }, { signal: controller.signal, onProgress: (t) => received(current, t) });
    if (result.outcome === 'no-model') throw new Error(result.message);
    $('gpt-count').textContent = result.tokens.toLocaleString('en-US');
    if (result.tokens > 0) $('gpt-rate').textContent = Math.round(result.tokensPerSecond).toLocaleString('en-US');
    $('gpt-seconds').textContent = `${result.seconds.toFixed(2)} s`;
    const how = `${result.tokens.toLocaleString('en-US')} token${result.tokens === 1 ? '' : 's'} in ${result.seconds.toFixed(2)} s`;
    say(status, result.outcome === 'cancelled' ? `Stopped after ${how}.` : `Sampled ${how}. Click any token to see what the model weighed there.`);
  } catch (error) {
    say(status, `Could not generate: ${(error as Error).message}`, 'error');
  } finally {
    generating = null;
    setGenerating(false);
  }
  output.flush();
  refresh(); // now the prompt's rows can be computed too
}

/** What each kept prompt token adds to the text: its bytes of the prompt, with a character split over
 *  tokens shown whole on the token that completes it (as the sampler does for sampled tokens). */
function promptTexts(prompt: string, byteLengths: Int32Array, dropped: number): string[] {
  const bytes = new TextEncoder().encode(prompt);
  const decoder = new TextDecoder();
  let offset = 0;
  for (let i = 0; i < dropped; i++) offset += byteLengths[i];
  const texts: string[] = [];
  for (let i = dropped; i < byteLengths.length; i++) {
    texts.push(decoder.decode(bytes.subarray(offset, offset + byteLengths[i]), { stream: true }));
    offset += byteLengths[i];
  }
  if (texts.length > 0) texts[texts.length - 1] += decoder.decode();
  return texts;
}

function received(current: Run, t: MinigptToken): void {
  if (run !== current) return;
  const position = current.promptLength + t.index;
  current.ids.push(t.id);
  current.tokens.push(t.token);
  current.rows.set(queryIndex(t), {
    attention: t.attention,
    windowStart: t.windowStart,
    windowLength: t.windowLength,
    layers: config?.layers ?? 1,
    heads: config?.heads ?? 1,
    top: t.top,
  });
  output.add({ position, id: t.id, token: t.token, text: t.text, kind: 'sampled', prob: t.prob });
  $('gpt-count').textContent = (t.index + 1).toLocaleString('en-US');
  $('gpt-rate').textContent = Math.round(t.tokensPerSecond).toLocaleString('en-US');
  if (config) $('gpt-context').textContent = `${t.windowLength} of ${config.contextLength}`;
  if (follow) output.mark(position);
  if (!frame) frame = requestAnimationFrame(() => {
    frame = 0;
    output.flush();
    refresh();
  });
}

/** Redraws the bars and the heat map for the selected token (the newest while following). */
function refresh(): void {
  const position = output.selected();
  if (output.at(position)) void inspector.show(position);
}

function setGenerating(on: boolean): void {
  // While tokens stream in, the selection line changes every frame: not something to read aloud.
  selectedLine.setAttribute('aria-live', on ? 'off' : 'polite');
  generateButton.disabled = on;
  stopButton.disabled = !on;
  modelSelect.disabled = on;
}

// ---- the selected token: its bars and its attention (inspector.ts) -------------------------------

const inspector = new TokenInspector({
  session,
  output,
  bars,
  heatmap,
  selectedLine,
  summary: attentionSummary,
  run: () => run,
  busy: () => generating !== null,
  layerHead: () => ({ layer: state.layer, head: state.head }),
});

for (const [select, key] of [[layerSelect, 'layer'], [headSelect, 'head']] as const) {
  select.addEventListener('change', () => {
    state[key] = Number(select.value);
    saveState();
    refresh();
  });
}

// ---- which model ------------------------------------------------------------------------------------

async function chooseModel(slot: MinigptSlot): Promise<void> {
  state.model = slot;
  modelSelect.value = slot;
  saveState();
  try {
    useConfig(await session.ensure(slot));
    await showPromptTokens();
  } catch (error) {
    say(modelInfo, `Could not load the model: ${(error as Error).message}`, 'error');
  }
}

modelSelect.addEventListener('change', () => void chooseModel(modelSelect.value as MinigptSlot));

function offerTrained(available: boolean): void {
  const option = modelSelect.querySelector<HTMLOptionElement>('option[value="trained"]')!;
  option.disabled = !available;
  option.textContent = available ? 'yours (trained in this tab)' : 'yours (train one below)';
  if (!available && state.model === 'trained') void chooseModel('shipped');
}

const training = new TrainingPanel(session, state, {
  saveSettings: saveState,
  trainedChanged(available) {
    offerTrained(available);
    if (state.model === 'trained' && available) void chooseModel('trained');
  },
  sampleFromTrained() {
    void chooseModel('trained').then(() => {
      $('gpt-output').scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      void generate();
    });
  },
  trainingRuns(on) {
    // The 'trained' slot is rewritten while training: sample from the shipped model meanwhile.
    const option = modelSelect.querySelector<HTMLOptionElement>('option[value="trained"]')!;
    if (on) {
      option.disabled = true;
      if (state.model === 'trained') void chooseModel('shipped');
    } else {
      option.disabled = !session.hasTrained();
    }
  },
});

generateButton.addEventListener('click', () => void generate());
stopButton.addEventListener('click', () => generating?.abort());
promptBox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    void generate();
  }
});

async function start(): Promise<void> {
  promptBox.value = state.prompt;
  temperature.set(state.temp);
  topK.set(state.topk);
  topP.set(state.topp);
  maxTokens.set(state.max);
  seed.set(state.seed);
  tint.checked = state.tint === 'on';
  applyTint();
  const info = await showEngineStatus();
  if (!info) {
    say(status, 'The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  const restored = await training.restore();
  offerTrained(restored);
  await chooseModel(restored && state.model === 'trained' ? 'trained' : 'shipped');
  generateButton.disabled = false;
  training.enable();
  $('gpt-output').dataset.ready = 'true';
}

setupExercise('minigpt', $<HTMLElement>('exercise'));
void start();
