// The retrain panel: its settings (kept in the URL hash by the controller), the Train/Stop button,
// progress, live loss and accuracy curves, and what happens to the weights afterwards — kept in
// IndexedDB, downloadable as safetensors, or replaced by the shipped model again.
import type { MnistOptimizerName, MnistTrainProgress, MnistTrainResult } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { type DecimalField, decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { LineChart } from '../../web/widgets/line-chart';
import { type NumberField, numberField } from '../../web/widgets/number-field';
import { deleteStoredModel, saveStoredModel, type StoredModel } from './model-store';
import { type DataUi, type DigitSession, type ModelSource, describeShipped, describeStored, say } from './session';
import { formatPercent } from './views';

export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'lion'] as const satisfies readonly MnistOptimizerName[];
export const TRAIN_DIGITS = ['3000', '10000', '30000', '60000'] as const;
export const TEST_DIGITS = ['1000', '10000'] as const;
export const LR_MIN = 1e-6;
export const LR_MAX = 10;

export interface TrainSettings {
  start: 'scratch' | 'finetune';
  optimizer: MnistOptimizerName;
  lr: number;
  batch: number;
  epochs: number;
  digits: (typeof TRAIN_DIGITS)[number];
  test: (typeof TEST_DIGITS)[number];
  augment: 'on' | 'off';
  seed: number;
}

export interface TrainingHooks {
  /** The settings changed (write the URL hash). */
  saveSettings(): void;
  /** A training step changed the weights: the drawing may be read again. */
  weightsMoved(modelVersion: number): void;
  /** Training ended or the model was replaced: read the drawing again, rescore the mistakes. */
  modelChanged(): void;
}

export class TrainingPanel {
  private readonly button = $<HTMLButtonElement>('digit-train');
  private readonly progress = $<HTMLProgressElement>('digit-train-progress');
  private readonly status = $<HTMLElement>('digit-train-status');
  private readonly ui: DataUi = { progress: this.progress, status: this.status, retry: $<HTMLButtonElement>('digit-train-retry') };
  private readonly lossChart = new LineChart($('digit-loss-chart'), {
    x: { label: 'epoch' },
    y: { label: 'cross-entropy', log: true },
    series: [
      { label: 'training batches', color: '#2563eb' },
      { label: 'test digits', color: '#ea580c', points: true },
    ],
    height: 220,
    description: 'Training cross-entropy against epochs, and the test cross-entropy after each epoch, on a log scale.',
  });
  private readonly accuracyChart = new LineChart($('digit-accuracy-chart'), {
    x: { label: 'epoch' },
    y: { label: 'test accuracy (%)' },
    series: [{ label: 'test accuracy', color: '#15803d', points: true }],
    height: 220,
    description: 'Test accuracy in percent after each epoch.',
  });
  private readonly lr: DecimalField;
  private readonly batch: NumberField;
  private readonly epochs: NumberField;
  private readonly seed: NumberField;
  private running: AbortController | null = null;
  private loss = { x: [] as number[], train: [] as (number | null)[], test: [] as (number | null)[] };
  private accuracy = { x: [] as number[], y: [] as number[] };

  constructor(private readonly session: DigitSession, private readonly settings: TrainSettings, private readonly hooks: TrainingHooks) {
    const field = <K extends 'lr' | 'batch' | 'epochs' | 'seed'>(key: K) => (value: TrainSettings[K]) => {
      settings[key] = value;
      hooks.saveSettings();
    };
    const message = (id: string) => document.getElementById(`${id}-message`)!;
    this.lr = decimalField($<HTMLInputElement>('digit-lr'), message('digit-lr'), {
      label: 'Peak learning rate', min: LR_MIN, max: LR_MAX, format: formatSignificant6, onChange: field('lr'),
    });
    this.batch = numberField($<HTMLInputElement>('digit-batch'), message('digit-batch'), { label: 'Batch size', min: 1, max: 1024, onChange: field('batch') });
    this.epochs = numberField($<HTMLInputElement>('digit-epochs'), message('digit-epochs'), { label: 'Epochs', min: 1, max: 30, onChange: field('epochs') });
    this.seed = numberField($<HTMLInputElement>('digit-seed'), message('digit-seed'), { label: 'Seed', min: 0, max: 2 ** 31 - 1, onChange: field('seed') });
    for (const [id, key] of [['digit-start', 'start'], ['digit-optimizer', 'optimizer'], ['digit-digits', 'digits'], ['digit-test-digits', 'test']] as const) {
      const select = $<HTMLSelectElement>(id);
      select.value = settings[key];
      select.addEventListener('change', () => {
        (settings as unknown as Record<string, string>)[key] = select.value;
        hooks.saveSettings();
      });
    }
    const augment = $<HTMLInputElement>('digit-augment');
    augment.checked = settings.augment === 'on';
    augment.addEventListener('change', () => {
      settings.augment = augment.checked ? 'on' : 'off';
      hooks.saveSettings();
    });
    this.lr.set(settings.lr);
    this.batch.set(settings.batch);
    this.epochs.set(settings.epochs);
    this.seed.set(settings.seed);

    this.button.disabled = true;
    this.button.addEventListener('click', () => (this.running ? this.running.abort() : void this.train()));
    this.ui.retry.addEventListener('click', () => this.running || void this.train());
    $('digit-download').addEventListener('click', () => void this.download());
    $('digit-reset-model').addEventListener('click', () => void this.resetModel());
  }

  /** Allows training once the model is in the worker. */
  enable(): void {
    this.button.disabled = false;
  }

  private setRunning(on: boolean): void {
    this.button.textContent = on ? 'Stop' : 'Train';
    this.button.setAttribute('aria-pressed', String(on));
    for (const id of ['digit-download', 'digit-reset-model']) $<HTMLButtonElement>(id).disabled = on;
  }

  private clearCharts(): void {
    this.loss = { x: [], train: [], test: [] };
    this.accuracy = { x: [], y: [] };
    this.lossChart.setData([], [[], []]);
    this.accuracyChart.setData([], [[]]);
    for (const id of ['digit-epoch', 'digit-loss', 'digit-test-accuracy', 'digit-samples-per-second', 'digit-epoch-time', 'digit-lr-now']) {
      $(id).textContent = '–';
    }
  }

  private async train(): Promise<void> {
    const controller = new AbortController();
    this.running = controller;
    this.setRunning(true);
    this.ui.retry.hidden = true;
    const s = this.settings;
    const params = {
      start: s.start,
      optimizer: s.optimizer,
      lr: this.lr.value(),
      batch: this.batch.value(),
      epochs: this.epochs.value(),
      augment: s.augment === 'on',
      seed: this.seed.value(),
      trainDigits: Number(s.digits),
      testDigits: Number(s.test),
    };
    try {
      await this.session.ensureModel();
      await this.session.ensureData('all', this.ui);
      if (controller.signal.aborted) {
        say(this.status, 'Stopped before training began.');
        return;
      }
      this.clearCharts();
      this.progress.hidden = false;
      this.progress.value = 0;
      say(this.status, params.start === 'scratch' ? 'Training from fresh random weights…' : 'Fine-tuning the current model…');
      const result = await this.session.call('mnistDraw.train', params, {
        signal: controller.signal,
        onProgress: (p) => this.show(p, params.epochs, params.trainDigits),
      });
      await this.finish(result, params.testDigits);
    } catch (error) {
      if (!this.ui.retry.hidden) return; // the download failed: its message and the retry button are shown
      say(this.status, `Training stopped with an error: ${(error as Error).message}. The model was reloaded.`, 'error');
      void this.session.ensureModel().then(() => this.hooks.modelChanged());
    } finally {
      this.running = null;
      this.setRunning(false);
    }
  }

  private show(p: MnistTrainProgress, epochs: number, trainDigits: number): void {
    if (p.kind === 'step') {
      this.loss.x.push(p.epoch - 1 + p.step / p.stepsPerEpoch);
      this.loss.train.push(p.loss > 0 && Number.isFinite(p.loss) ? p.loss : null);
      this.loss.test.push(null);
      this.lossChart.setData(this.loss.x, [this.loss.train, this.loss.test]);
      this.progress.value = p.done;
      $('digit-epoch').textContent = `${p.epoch} of ${epochs}`;
      $('digit-loss').textContent = p.loss.toFixed(4);
      $('digit-samples-per-second').textContent = Math.round(p.samplesPerSecond).toLocaleString('en-US');
      $('digit-lr-now').textContent = formatSignificant6(Number(p.lr.toPrecision(3)));
      if (this.accuracy.x.length === 0 && p.samplesPerSecond > 0) {
        $('digit-epoch-time').textContent = `≈ ${(trainDigits / p.samplesPerSecond).toFixed(0)} s`;
      }
      say(this.status, `Training: epoch ${p.epoch} of ${epochs}, step ${p.step.toLocaleString('en-US')} of ${p.stepsPerEpoch.toLocaleString('en-US')}.`);
      this.hooks.weightsMoved(p.modelVersion);
      return;
    }
    // The epoch's last step sits at x = epoch: put the test loss beside it.
    const last = this.loss.x.length - 1;
    if (last >= 0 && Math.abs(this.loss.x[last] - p.epoch) < 1e-9) {
      this.loss.test[last] = p.testLoss;
    } else {
      this.loss.x.push(p.epoch);
      this.loss.train.push(null);
      this.loss.test.push(p.testLoss);
    }
    this.lossChart.setData(this.loss.x, [this.loss.train, this.loss.test]);
    this.accuracy.x.push(p.epoch);
    this.accuracy.y.push(100 * p.testAccuracy);
    this.accuracyChart.setData(this.accuracy.x, [this.accuracy.y]);
    $('digit-test-accuracy').textContent = `${(100 * p.testAccuracy).toFixed(1)}%`;
    $('digit-epoch-time').textContent = `${p.seconds.toFixed(1)} s`;
  }

  private async finish(result: MnistTrainResult, testDigits: number): Promise<void> {
    // After a divergence the engine has put back the last weights that gave a finite loss; they are
    // kept for a reload only if at least one epoch finished.
    const keep = result.outcome !== 'diverged' || result.epochs > 0;
    if (result.outcome === 'diverged') {
      say(this.status, `Training diverged and stopped: ${result.message}. The last good weights are back in use; try a smaller peak learning rate.`, 'error');
    } else if (result.outcome === 'cancelled') {
      say(this.status, `Stopped after ${result.seconds.toFixed(1)} s; the weights trained so far are in use and saved in this browser.`);
    } else {
      this.progress.value = 1;
      say(this.status, `Done: ${result.epochs} epoch${result.epochs === 1 ? '' : 's'} in ${result.seconds.toFixed(1)} s, ${formatPercent(result.testAccuracy)} of ${testDigits.toLocaleString('en-US')} test digits right. Saved in this browser.`);
    }
    const { bytes } = await this.session.call('mnistDraw.save', {});
    const stored: StoredModel = { bytes, savedAt: Date.now(), accuracy: result.epochs > 0 ? result.testAccuracy : null, testDigits };
    let text = describeStored(stored);
    let source: ModelSource = 'stored';
    if (!keep) {
      text = 'Using the last good weights of the run that diverged (not kept: a reload goes back to the model you had).';
      source = 'session';
    } else {
      try {
        await saveStoredModel(stored);
      } catch (error) {
        text = `Using the model you just trained; this browser could not keep it (${(error as Error).message}).`;
        source = 'session';
      }
    }
    // Loading the same bytes back gives the model's info, so the filters on the page are the new ones.
    await this.session.use(bytes, () => text, source);
    this.hooks.modelChanged();
  }

  private async download(): Promise<void> {
    try {
      await this.session.ensureModel();
      const { bytes } = await this.session.call('mnistDraw.save', {});
      const url = URL.createObjectURL(new Blob([new Uint8Array(bytes)], { type: 'application/octet-stream' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'mnist-cnn.safetensors';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      say(this.status, `Could not save the weights: ${(error as Error).message}`, 'error');
    }
  }

  private async resetModel(): Promise<void> {
    try {
      await deleteStoredModel();
    } catch {
      // nothing stored (or no IndexedDB): the shipped model is loaded below either way
    }
    try {
      await this.session.use('shipped', describeShipped, 'shipped');
      this.clearCharts();
      this.progress.value = 0;
      say(this.status, 'Back to the shipped model; your trained weights were removed from this browser.');
      this.hooks.modelChanged();
    } catch (error) {
      say(this.status, `Could not load the shipped model: ${(error as Error).message}`, 'error');
    }
  }
}
