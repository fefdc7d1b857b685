// spam-filter: the controller. The engine worker downloads the corpus, decodes and tokenizes the
// e-mails, counts words and scores the held-out 20%; this page keeps the setup in the URL hash,
// asks for scores and classifications, and draws them (the colours are the engine's log ratios).
import { EngineClient, siteRoot } from '../../web/engine/client';
import type { SpamClassification, SpamEvaluation, SpamHeldOutMessage, SpamLoadResult, SpamWord } from '../../web/engine/protocol';
import { showEngineStatus } from '../../web/shell/page';
import { $ } from '../../web/site/dom';
import { HashState, choiceField, intField, textField } from '../../web/site/hash-state';
import { setupExercise } from '../../web/widgets/exercise';
import { LineChart } from '../../web/widgets/line-chart';
import { renderPieces, renderPushes, renderScore, renderVerdict, renderWordTable } from './render';
import './spam-filter.css';

const CORPUS = 'data/spam/spamassassin.bin.gz';
const SEED = 1;
/** Slider position p ↦ α = 10^(−3 + p/10): 0.001 … 100, ten steps a decade (the worker's sweep grid). */
const alphaOf = (position: number) => 10 ** (-3 + position / 10);
const MAX_OWN = 20_000;
/** Longer texts still classify but are not kept in the link. */
const MAX_OWN_IN_HASH = 1_000;
const CELLS = ['all', 'fp', 'fn', 'tp', 'tn'] as const;
type Cell = (typeof CELLS)[number];

const hash = new HashState({
  alpha: intField(30, 0, 50),
  cell: choiceField<Cell>('fp', CELLS),
  message: intField(0, 0, 100_000),
  text: textField('FREE MONEY!!! Click here to claim your prize!!!', MAX_OWN_IN_HASH),
  word: textField('free', MAX_OWN_IN_HASH),
});
const state = hash.read();
const saveState = () => hash.write(state);

const alphaSlider = $<HTMLInputElement>('sf-alpha');
const status = $<HTMLElement>('sf-status');
const cellSelect = $<HTMLSelectElement>('sf-filter');
const ownText = $<HTMLTextAreaElement>('sf-own');
const ownMessage = $<HTMLElement>('sf-own-message');
const wordInput = $<HTMLInputElement>('sf-word');
const wordMessage = $<HTMLElement>('sf-word-message');

const ACCURACY_COLOR = '#2563eb', F1_COLOR = '#f97316', NOW_COLOR = '#0f172a';
const sweepChart = new LineChart($<HTMLElement>('sf-sweep-plot'), {
  x: { label: 'smoothing α', log: true },
  y: { label: 'held-out %' },
  series: [
    { label: 'accuracy', color: ACCURACY_COLOR },
    { label: 'F1 (spam)', color: F1_COLOR },
    { label: 'slider α', color: NOW_COLOR, points: true, width: 0 },
  ],
  height: 220,
  description: 'Held-out accuracy and F1 in percent against the smoothing alpha from 0.001 to 100 on a log scale; a dot marks the slider.',
});

const engine = EngineClient.shared();
let loaded: SpamLoadResult | null = null;
let current: SpamEvaluation | null = null;

const say = (text: string, kind: 'info' | 'error' = 'info') => {
  status.textContent = text;
  status.dataset.state = kind;
};
const percent = (v: number, digits = 1) => `${(100 * v).toFixed(digits)}%`;
const grouped = (v: number) => v.toLocaleString('en-US');
const formatAlpha = (a: number) => (a >= 1 ? String(+a.toPrecision(3)) : String(+a.toPrecision(2)));

// ---- one engine operation at a time; a failed one costs the worker, so the next reloads ------------

let queue: Promise<void> = Promise.resolve();
function serial(fn: () => Promise<void>): Promise<void> {
  const next = queue.then(fn).catch((error: unknown) => {
    loaded = null; // the client replaced the worker: the trained filter is gone
    say(`The engine said: ${(error as Error).message}`, 'error');
  });
  queue = next;
  return next;
}

/** Runs fn once the filter is loaded (again, if a failure cost the worker). */
function withFilter(fn: () => Promise<void>): Promise<void> {
  return serial(async () => {
    await ensureLoaded();
    await fn();
  });
}

async function ensureLoaded(): Promise<SpamLoadResult> {
  if (loaded) return loaded;
  const loading = $<HTMLElement>('sf-loading');
  const bar = $<HTMLProgressElement>('sf-progress');
  const label = $<HTMLElement>('sf-progress-label');
  loading.hidden = false;
  say('Downloading the corpus…');
  const result = await engine.run(
    'spamFilter.load',
    { url: new URL(CORPUS, siteRoot()).href, alpha: alphaOf(state.alpha), seed: SEED },
    {
      onProgress(p) {
        if (p.stage === 'download') {
          bar.value = p.loadedBytes / p.totalBytes;
          label.textContent = `Downloading the SpamAssassin corpus: ${(p.loadedBytes / 1e6).toFixed(1)} of ${(p.totalBytes / 1e6).toFixed(1)} MB`;
        } else {
          bar.removeAttribute('value'); // indeterminate while the engine reads and counts
          label.textContent = 'Decoding 6,046 e-mails, tokenizing and counting words…';
          say('Training…');
        }
      },
    },
  );
  loading.hidden = true;
  loaded = result;
  return result;
}

// ---- section 1: training, metrics, words ----------------------------------------------------------

function showEvaluation(e: SpamEvaluation): void {
  current = e;
  const m = e.metrics;
  $('sf-accuracy').textContent = percent(m.accuracy);
  $('sf-precision').textContent = percent(m.precision);
  $('sf-recall').textContent = percent(m.recall);
  $('sf-f1').textContent = percent(m.f1);
  $('sf-cell-tn').textContent = grouped(m.trueNegatives);
  $('sf-cell-fp').textContent = grouped(m.falsePositives);
  $('sf-cell-fn').textContent = grouped(m.falseNegatives);
  $('sf-cell-tp').textContent = grouped(m.truePositives);
  for (const [cell, n, what] of [
    ['tn', m.trueNegatives, 'ham passed'],
    ['fp', m.falsePositives, 'ham flagged as spam'],
    ['fn', m.falseNegatives, 'spam let through'],
    ['tp', m.truePositives, 'spam caught'],
  ] as const) {
    $(`sf-cell-${cell}`).setAttribute('aria-label', `${n} ${what}: show them below`);
  }
  renderWordTable($('sf-top-spam'), e.topSpam);
  renderWordTable($('sf-top-ham'), e.topHam);
  if (loaded) {
    const s = loaded.sweep;
    const now = Array.from(s.alpha, (_, i) => (i === state.alpha ? 100 * e.metrics.accuracy : null));
    sweepChart.setData(Array.from(s.alpha), [Array.from(s.accuracy, (v) => 100 * v), Array.from(s.f1, (v) => 100 * v), now]);
  }
}

function showSummary(r: SpamLoadResult): void {
  const s = r.summary;
  $('sf-train-count').textContent = `${grouped(s.trainSpam + s.trainHam)}`;
  $('sf-train-count').title = `${grouped(s.trainSpam)} spam, ${grouped(s.trainHam)} ham`;
  $('sf-vocabulary').textContent = `${grouped(s.vocabulary)} words`;
  $('sf-prior').textContent = s.pSpam.toFixed(3);
  $('sf-test-count').textContent = grouped(s.testSpam + s.testHam);
}

function showAlpha(): void {
  const alpha = alphaOf(state.alpha);
  alphaSlider.value = String(state.alpha);
  $('sf-alpha-value').textContent = formatAlpha(alpha);
  alphaSlider.setAttribute('aria-valuetext', `alpha ${formatAlpha(alpha)}`);
}

let alphaGeneration = 0;
function alphaChanged(): void {
  const mine = ++alphaGeneration;
  showAlpha();
  saveState();
  void serial(async () => {
    if (mine !== alphaGeneration) return; // a newer position is queued: skip this one
    await ensureLoaded();
    const e = await engine.run('spamFilter.alpha', { alpha: alphaOf(state.alpha) });
    showEvaluation(e);
    say(`α = ${formatAlpha(e.alpha)}: ${grouped(e.metrics.truePositives + e.metrics.trueNegatives)} of ${grouped(e.pSpam.length)} held-out e-mails right.`);
    await showMessage();
    await classifyOwn(false);
    await lookUp(false);
  });
}

// ---- section 2: a held-out message ----------------------------------------------------------------

/** Positions (among the held-out messages) in the chosen confusion-matrix cell. */
function positions(): number[] {
  if (!current) return [];
  const out: number[] = [];
  const { predicted, truth } = current;
  for (let i = 0; i < truth.length; i++) {
    const cell = truth[i] ? (predicted[i] ? 'tp' : 'fn') : predicted[i] ? 'fp' : 'tn';
    if (state.cell === 'all' || state.cell === cell) out.push(i);
  }
  return out;
}

async function showMessage(): Promise<void> {
  const list = positions();
  const verdict = $('sf-message-verdict');
  $<HTMLButtonElement>('sf-prev').disabled = list.length < 2;
  $<HTMLButtonElement>('sf-next').disabled = list.length < 2;
  if (list.length === 0) {
    $('sf-position').textContent = 'no e-mails in this cell at this α';
    verdict.textContent = '';
    $('sf-message-text').replaceChildren();
    $('sf-message-words').replaceChildren();
    $('sf-message-score').textContent = '';
    return;
  }
  state.message = ((state.message % list.length) + list.length) % list.length;
  saveState();
  $('sf-position').textContent = `${state.message + 1} of ${grouped(list.length)}`;
  const m: SpamHeldOutMessage = await engine.run('spamFilter.message', { index: list[state.message] });
  renderVerdict(verdict, m, m.truth);
  renderPieces($('sf-message-text'), m);
  renderPushes($('sf-message-words'), m);
  renderScore($('sf-message-score'), m);
}

function moveMessage(step: number): void {
  state.message += step;
  withFilter(showMessage);
}

// ---- section 3: your own text, and the word lookup -----------------------------------------------

async function classifyOwn(showErrors: boolean): Promise<void> {
  const text = ownText.value;
  if (text.trim() === '') {
    if (showErrors) ownMessage.textContent = 'Type or paste some text first; the last verdict stays below.';
    return;
  }
  if (text.length > MAX_OWN) {
    ownMessage.textContent = `That is ${grouped(text.length)} characters; paste at most ${grouped(MAX_OWN)} (one e-mail body).`;
    return;
  }
  ownMessage.textContent = '';
  state.text = text.length <= MAX_OWN_IN_HASH ? text : '';
  saveState();
  const c: SpamClassification = await engine.run('spamFilter.classify', { text });
  if (c.knownTokens === 0) {
    ownMessage.textContent = 'None of these words was seen in training, so only the prior P(spam) decides.';
  } else if (text.length > MAX_OWN_IN_HASH) {
    ownMessage.textContent = `Classified; texts over ${grouped(MAX_OWN_IN_HASH)} characters are not kept in the link.`;
  }
  renderVerdict($('sf-own-verdict'), c, null);
  renderPieces($('sf-own-text'), c);
  renderPushes($('sf-own-words'), c);
  renderScore($('sf-own-score'), c);
}

async function lookUp(showErrors: boolean): Promise<void> {
  const result = await engine.run('spamFilter.word', { word: wordInput.value });
  if (!result.ok) {
    if (showErrors) {
      wordMessage.textContent = `${result.message} Showing the last word looked up.`;
      wordInput.setAttribute('aria-invalid', 'true');
    }
    return;
  }
  wordMessage.textContent = '';
  wordInput.removeAttribute('aria-invalid');
  state.word = wordInput.value;
  saveState();
  const w: SpamWord = result.word;
  if (!w.known) {
    wordMessage.textContent = `“${w.word}” never appears in the training e-mails: the filter skips it.`;
    return;
  }
  renderWordTable($('sf-word-result'), [w]);
}

// ---- wiring ------------------------------------------------------------------------------------------

alphaSlider.addEventListener('input', () => {
  state.alpha = Number(alphaSlider.value);
  alphaChanged();
});
cellSelect.addEventListener('change', () => {
  state.cell = cellSelect.value as Cell;
  state.message = 0;
  void withFilter(showMessage);
});
for (const cell of ['tn', 'fp', 'fn', 'tp'] as const) {
  $(`sf-cell-${cell}`).addEventListener('click', () => {
    state.cell = cell;
    state.message = 0;
    cellSelect.value = cell;
    void withFilter(showMessage);
    $('sf-message-verdict').closest('section')!.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  });
}
$('sf-prev').addEventListener('click', () => moveMessage(-1));
$('sf-next').addEventListener('click', () => moveMessage(1));
$('sf-classify').addEventListener('click', () => void withFilter(() => classifyOwn(true)));
$('sf-example-ham').addEventListener('click', () => {
  ownText.value = 'Hey, can we reschedule our meeting to Thursday?';
  void withFilter(() => classifyOwn(true));
});
ownText.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void withFilter(() => classifyOwn(true));
});
$('sf-word-go').addEventListener('click', () => void withFilter(() => lookUp(true)));
wordInput.addEventListener('keydown', (event) => {
  if (event.key === 'Enter') void withFilter(() => lookUp(true));
});

async function start(): Promise<void> {
  showAlpha();
  cellSelect.value = state.cell;
  ownText.value = state.text || ownText.value;
  wordInput.value = state.word;
  for (const id of ['sf-prev', 'sf-next', 'sf-classify', 'sf-word-go', 'sf-example-ham']) $<HTMLButtonElement>(id).disabled = true;
  const info = await showEngineStatus();
  if (!info) {
    say('The engine could not start, so the demo cannot run. Reload the page to try again.', 'error');
    return;
  }
  await serial(async () => {
    const r = await ensureLoaded();
    showSummary(r);
    showEvaluation(r);
    const m = r.metrics;
    say(`Trained on ${grouped(r.summary.trainSpam + r.summary.trainHam)} e-mails; ${grouped(m.truePositives + m.trueNegatives)} of ${grouped(r.pSpam.length)} held-out e-mails right.`);
    alphaSlider.disabled = false;
    for (const id of ['sf-classify', 'sf-word-go', 'sf-example-ham']) $<HTMLButtonElement>(id).disabled = false;
    await showMessage();
    await classifyOwn(true);
    await lookUp(true);
  });
}

setupExercise('spam-filter', $<HTMLElement>('exercise'));
void start();
