// "Train your own": the text (the bundled novel or the learner's own), the settings (kept in the URL
// hash by the controller), Train / Stop, progress, the live loss chart, and what happens to the model
// afterwards — kept in IndexedDB, downloadable as safetensors, loadable from a file, or forgotten.
import { siteRoot } from '../../web/engine/client';
import type { MinigptModelInfo, MinigptTrainProgress, MinigptTrainResult } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { LineChart } from '../../web/widgets/line-chart';
import { numberField } from '../../web/widgets/number-field';
import { deleteStoredGpt, loadStoredGpt, saveStoredGpt, type StoredGpt } from './model-store';
import type { GptSession } from './session';

export const TRAIN_SOURCES = ['corpus', 'own'] as const;
export const TRAIN_SIZES = ['tiny', 'small'] as const;
const CORPUS_URL = 'data/text/pride-and-prejudice.txt';
const CORPUS_NAME = 'Pride and Prejudice';
/** Validation loss about this many times per run. */
const EVALUATIONS = 15;

export interface TrainSettings {
  source: (typeof TRAIN_SOURCES)[number];
  size: (typeof TRAIN_SIZES)[number];
  steps: number;
  batch: number;
  lr: number;
}

export interface TrainingHooks {
  /** The settings changed (write the URL hash). */
  saveSettings(): void;
  /** The learner's model appeared (trained, restored or loaded) or was forgotten. */
  trainedChanged(available: boolean): void;
  /** "Sample from your model" was pressed. */
  sampleFromTrained(): void;
  /** Training started or ended (the 'trained' slot is being rewritten meanwhile). */
  trainingRuns(on: boolean): void;
}

const say = (element: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  element.textContent = text;
  element.dataset.state = kind;
};
const characters = (text: string) => [...text].length;

export class TrainingPanel {
  private readonly trainButton = $<HTMLButtonElement>('gpt-train');
  private readonly stopButton = $<HTMLButtonElement>('gpt-train-stop');
  private readonly progress = $<HTMLProgressElement>('gpt-train-progress');
  private readonly status = $<HTMLElement>('gpt-train-status');
  private readonly info = $<HTMLElement>('gpt-trained-info');
  private readonly text = $<HTMLTextAreaElement>('gpt-train-text');
  private readonly textMessage = $<HTMLElement>('gpt-train-text-message');
  private readonly chart = new LineChart($('gpt-train-chart'), {
    x: { label: 'step' },
    y: { label: 'loss (nats per token)' },
    series: [
      { label: 'training', color: '#2563eb' },
      { label: 'validation', color: '#ea580c', points: true },
      { label: 'ln V (uniform guess)', color: '#64748b', dash: [2, 4], width: 1.5 },
    ],
    height: 240,
    description: 'Training and validation cross-entropy in nats per token against the training step, with the uniform-guess level ln V.',
  });
  private readonly steps;
  private readonly batch;
  private readonly lr;
  private running: AbortController | null = null;
  private corpus: Promise<string> | null = null;
  private curve = { x: [] as number[], train: [] as (number | null)[], val: [] as (number | null)[] };
  private uniform: number | null = null;

  constructor(private readonly session: GptSession, private readonly settings: TrainSettings, private readonly hooks: TrainingHooks) {
    const message = (id: string) => document.getElementById(`${id}-message`)!;
    const set = <K extends 'steps' | 'batch' | 'lr'>(key: K) => (value: TrainSettings[K]) => {
      settings[key] = value;
      hooks.saveSettings();
    };
    this.steps = numberField($<HTMLInputElement>('gpt-train-steps'), message('gpt-train-steps'), { label: 'Steps', min: 1, max: 5000, onChange: set('steps') });
    this.batch = numberField($<HTMLInputElement>('gpt-train-batch'), message('gpt-train-batch'), { label: 'Batch', min: 1, max: 64, onChange: set('batch') });
    this.lr = decimalField($<HTMLInputElement>('gpt-train-lr'), message('gpt-train-lr'), {
      label: 'Peak learning rate', min: 0.00001, max: 0.1, format: formatSignificant6, onChange: set('lr'),
    });
    this.steps.set(settings.steps);
    this.batch.set(settings.batch);
    this.lr.set(settings.lr);

    const source = $<HTMLSelectElement>('gpt-train-source');
    const size = $<HTMLSelectElement>('gpt-train-size');
    source.value = settings.source;
    size.value = settings.size;
    $('gpt-own').hidden = settings.source !== 'own';
    source.addEventListener('change', () => {
      settings.source = source.value as TrainSettings['source'];
      $('gpt-own').hidden = settings.source !== 'own';
      this.textMessage.textContent = '';
      hooks.saveSettings();
    });
    size.addEventListener('change', () => {
      settings.size = size.value as TrainSettings['size'];
      hooks.saveSettings();
    });
    this.text.addEventListener('input', () => this.countText());
    $<HTMLInputElement>('gpt-train-file').addEventListener('change', (event) => void this.readTextFile(event.target as HTMLInputElement));
    $<HTMLInputElement>('gpt-upload').addEventListener('change', (event) => void this.upload(event.target as HTMLInputElement));

    this.trainButton.disabled = true;
    this.trainButton.addEventListener('click', () => void this.train());
    this.stopButton.addEventListener('click', () => this.running?.abort());
    $('gpt-train-sample').addEventListener('click', () => hooks.sampleFromTrained());
    $('gpt-download').addEventListener('click', () => void this.download());
    $('gpt-forget').addEventListener('click', () => void this.forget());
    this.countText();
  }

  /** Allows training once the engine runs. */
  enable(): void {
    this.trainButton.disabled = false;
  }

  /** Loads the learner's stored model, if this browser has one; true when it is ready to sample. */
  async restore(): Promise<boolean> {
    let stored: StoredGpt | null = null;
    try {
      stored = await loadStoredGpt();
    } catch {
      return false; // no IndexedDB (a private window): nothing to restore
    }
    if (!stored) return false;
    try {
      const info = await this.session.useTrained(stored.bytes);
      this.showTrained(info, this.describeStored(stored));
      return true;
    } catch (error) {
      say(this.status, `Your stored model did not load (${(error as Error).message}); train a new one.`, 'error');
      return false;
    }
  }

  private describeStored(stored: StoredGpt): string {
    const when = new Date(stored.savedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    const loss = stored.valLoss === null ? '' : `, validation loss ${stored.valLoss.toFixed(3)}`;
    return `Your model: trained on ${stored.source} for ${stored.steps.toLocaleString('en-US')} steps${loss} (${when}); kept in this browser.`;
  }

  private showTrained(info: MinigptModelInfo, text: string): void {
    const c = info.config;
    say(this.info, `${text} ${c.layers} layers, ${c.heads} heads, d = ${c.dim}, ${c.vocabSize.toLocaleString('en-US')} tokens, ` +
      `${info.parameters.toLocaleString('en-US')} parameters.`);
    this.setHaveModel(true);
    this.hooks.trainedChanged(true);
  }

  private setHaveModel(on: boolean): void {
    for (const id of ['gpt-train-sample', 'gpt-download', 'gpt-forget']) $<HTMLButtonElement>(id).disabled = !on || this.running !== null;
  }

  private countText(): void {
    const n = characters(this.text.value);
    $('gpt-train-text-count').textContent = `${n.toLocaleString('en-US')} character${n === 1 ? '' : 's'}`;
  }

  private async readTextFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    if (!file) return;
    try {
      this.text.value = await file.text();
      this.countText();
      this.textMessage.textContent = '';
    } catch (error) {
      this.textMessage.textContent = `Could not read ${file.name}: ${(error as Error).message}`;
    }
    input.value = '';
  }

  private corpusText(): Promise<string> {
    this.corpus ??= fetch(new URL(CORPUS_URL, siteRoot()))
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.text();
      })
      .catch((error) => {
        this.corpus = null;
        throw new Error(`could not download ${CORPUS_NAME}: ${(error as Error).message}`);
      });
    return this.corpus;
  }

  private setRunning(on: boolean): void {
    this.trainButton.disabled = on;
    this.stopButton.disabled = !on;
    this.progress.hidden = false;
    for (const id of ['gpt-train-source', 'gpt-train-size', 'gpt-train-text', 'gpt-upload']) $<HTMLInputElement>(id).disabled = on;
    this.setHaveModel(!on && this.session.hasTrained());
    this.hooks.trainingRuns(on);
  }

  private clearChart(): void {
    this.curve = { x: [], train: [], val: [] };
    this.uniform = null;
    this.chart.setData([], [[], [], []]);
    for (const id of ['gpt-train-step', 'gpt-train-loss', 'gpt-val-loss', 'gpt-val-ppl', 'gpt-train-rate']) $(id).textContent = '–';
  }

  private async train(): Promise<void> {
    if (this.running) return;
    const controller = new AbortController();
    this.running = controller;
    this.textMessage.textContent = '';
    const own = this.settings.source === 'own';
    const steps = this.steps.value();
    this.setRunning(true);
    this.progress.removeAttribute('value');
    try {
      say(this.status, own ? 'Preparing your text…' : `Downloading ${CORPUS_NAME}…`);
      const text = own ? this.text.value : await this.corpusText();
      if (controller.signal.aborted) {
        say(this.status, 'Stopped before training began.');
        return;
      }
      this.clearChart();
      this.session.trainingStarts();
      say(this.status, 'Learning the tokenizer from the text…');
      const result = await this.session.call('minigpt.train', {
        text,
        size: this.settings.size,
        steps,
        batch: this.batch.value(),
        lr: this.lr.value(),
        seed: 1,
        evalEvery: Math.max(1, Math.round(steps / EVALUATIONS)),
      }, { signal: controller.signal, onProgress: (p) => this.show(p) });
      await this.finish(result, own ? `your text (${characters(text).toLocaleString('en-US')} characters)` : CORPUS_NAME);
    } catch (error) {
      say(this.status, `Training stopped with an error: ${(error as Error).message}`, 'error');
    } finally {
      this.running = null;
      if (!this.progress.hasAttribute('value')) this.progress.value = 0;
      this.setRunning(false);
    }
  }

  private show(p: MinigptTrainProgress): void {
    if (p.kind === 'tokenizer') {
      this.progress.value = 0;
      say(this.status, `Learning the tokenizer: ${p.merges.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} merges…`);
      return;
    }
    this.progress.value = p.done;
    this.curve.x.push(p.step);
    this.curve.train.push(Number.isFinite(p.trainLoss) ? p.trainLoss : null);
    this.curve.val.push(p.valLoss);
    this.chart.setData(this.curve.x, [this.curve.train, this.curve.val, this.curve.x.map(() => this.uniform)]);
    $('gpt-train-step').textContent = `${p.step.toLocaleString('en-US')} of ${p.steps.toLocaleString('en-US')}`;
    $('gpt-train-loss').textContent = p.trainLoss.toFixed(3);
    if (p.valLoss !== null) {
      $('gpt-val-loss').textContent = p.valLoss.toFixed(3);
      $('gpt-val-ppl').textContent = Math.exp(p.valLoss).toFixed(1);
    }
    $('gpt-train-rate').textContent = Math.round(p.tokensPerSecond).toLocaleString('en-US');
    say(this.status, `Training: step ${p.step.toLocaleString('en-US')} of ${p.steps.toLocaleString('en-US')}, learning rate ${formatSignificant6(Number(p.lr.toPrecision(3)))}.`);
  }

  private async finish(result: MinigptTrainResult, source: string): Promise<void> {
    if (result.outcome === 'too-little-text') {
      this.progress.value = 0;
      this.textMessage.textContent = result.message ||
        `Too little text: training needs at least ${result.neededChars.toLocaleString('en-US')} characters and got ${result.givenChars.toLocaleString('en-US')}.`;
      say(this.status, 'Nothing was trained.');
      return;
    }
    if (result.outcome === 'diverged') {
      say(this.status, `Training diverged: ${result.message} Try a smaller peak learning rate.`, 'error');
    } else {
      if (result.outcome === 'finished') this.progress.value = 1;
      $('gpt-val-loss').textContent = result.valLoss.toFixed(3);
      $('gpt-val-ppl').textContent = result.perplexity.toFixed(1);
      const how = `${result.steps.toLocaleString('en-US')} steps in ${result.seconds.toFixed(1)} s: validation loss ${result.valLoss.toFixed(3)}, perplexity ${result.perplexity.toFixed(1)}`;
      say(this.status, result.outcome === 'cancelled' ? `Stopped after ${how}. The model so far is kept.` : `Done: ${how}.`);
    }
    if (!result.info || result.steps === 0 || result.outcome === 'diverged') {
      this.setHaveModel(this.session.hasTrained());
      return;
    }
    this.uniform = Math.log(result.info.config.vocabSize);
    this.chart.setData(this.curve.x, [this.curve.train, this.curve.val, this.curve.x.map(() => this.uniform)]);
    const saved = await this.session.call('minigpt.save', { slot: 'trained' });
    if (!saved.ok) throw new Error(saved.message);
    const stored: StoredGpt = { bytes: saved.bytes, savedAt: Date.now(), source, steps: result.steps, valLoss: Number.isFinite(result.valLoss) ? result.valLoss : null };
    this.session.trainedNow(result.info, saved.bytes);
    let text = this.describeStored(stored);
    try {
      await saveStoredGpt(stored);
    } catch (error) {
      text = `Your model, trained on ${source}; this browser could not keep it (${(error as Error).message}).`;
    }
    this.showTrained(result.info, text);
  }

  private async download(): Promise<void> {
    try {
      await this.session.ensure('trained');
      const saved = await this.session.call('minigpt.save', { slot: 'trained' });
      if (!saved.ok) throw new Error(saved.message);
      const url = URL.createObjectURL(new Blob([new Uint8Array(saved.bytes)], { type: 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'minigpt-mine.safetensors';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      say(this.status, `Could not save the model: ${(error as Error).message}`, 'error');
    }
  }

  private async upload(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const info = await this.session.useTrained(bytes);
      const stored: StoredGpt = { bytes, savedAt: Date.now(), source: `the file ${file.name}`, steps: info.recordedSteps ?? 0, valLoss: info.recordedValLoss };
      let text = `Your model, loaded from ${file.name}; kept in this browser.`;
      try {
        await saveStoredGpt(stored);
      } catch (error) {
        text = `Your model, loaded from ${file.name}; this browser could not keep it (${(error as Error).message}).`;
      }
      say(this.status, `Loaded ${file.name}.`);
      this.showTrained(info, text);
    } catch (error) {
      say(this.status, `Could not load ${file.name}: ${(error as Error).message}`, 'error');
    }
  }

  private async forget(): Promise<void> {
    try {
      await deleteStoredGpt();
    } catch {
      // nothing stored (or no IndexedDB): forgetting in the page is enough
    }
    this.session.forgetTrained();
    this.clearChart();
    this.progress.value = 0;
    this.info.textContent = '';
    this.setHaveModel(false);
    say(this.status, 'Your model was removed from this browser; sampling uses the shipped model.');
    this.hooks.trainedChanged(false);
  }
}
