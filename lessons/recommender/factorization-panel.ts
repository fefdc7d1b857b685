// recommender: section 3, matrix factorization. The engine worker trains user and movie factors by
// SGD on all but a held-out tenth of the ratings (yours included), streaming each epoch, and scores
// every method on the held-out ratings; this panel owns the training settings and the Train/Stop
// button, and shows the RMSE curves, your factorization list and the held-out comparison table.
import type { EngineClient } from '../../web/engine/client';
import type {
  RecommenderData,
  RecommenderEvaluateResult,
  RecommenderSimilarity,
  RecommenderTrainProgress,
  RecommenderTrainResult,
} from '../../web/engine/protocol';
import { $, byId } from '../../web/site/dom';
import { engineQueue } from '../../web/site/engine-queue';
import { type DecimalField, decimalField, formatSignificant6 } from '../../web/widgets/decimal-field';
import { LineChart } from '../../web/widgets/line-chart';
import { type NumberField, numberField } from '../../web/widgets/number-field';
import { predictionItems } from './movie-list';

/** The held-out split: the same tenth of each user's ratings (seeded) for every method. */
const TEST_FRACTION = 0.1, SEED = 1;
/** Movies with fewer ratings stay off your factorization list (the CLI's --min-ratings default). */
const MF_MIN_RATINGS = 10;

const rmse = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : String(v));
const count = (n: number) => n.toLocaleString('en-US');
const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The settings the panel reads and writes (part of the lesson's URL-hash state); it only reads `k`. */
export interface FactorizationSettings {
  factors: number;
  epochs: number;
  lr: number;
  reg: number;
  center: '1' | '0';
  /** User–user neighbours per movie, named in the held-out table. */
  readonly k: number;
}

/** What the panel needs from the rest of the page. */
export interface FactorizationContext {
  engine: EngineClient;
  data: RecommenderData;
  /** Length of your factorization list (as of the user–user lists). */
  top: number;
  similarityNames: Record<RecommenderSimilarity, string>;
  /** Your ratings of catalog movies, in the order you rated them; null until the catalog is loaded. */
  yourRatings(): { movieIds: number[]; ratings: number[] } | null;
  titleOf(movieId: number): string;
  /** Writes the settings to the URL. */
  save(): void;
}

export class FactorizationPanel {
  private readonly status = $('rec-mf-status');
  private readonly centerBox = $<HTMLInputElement>('rec-center');
  private readonly trainButton = $<HTMLButtonElement>('rec-train');
  private readonly lossChart = new LineChart($<HTMLElement>('rec-loss'), {
    x: { label: 'epoch' },
    y: { label: 'RMSE (stars)' },
    series: [
      { label: 'training RMSE', color: '#2563eb' },
      { label: 'held-out RMSE', color: '#ea580c' },
      { label: 'baseline μ + b_u + b_i (held out)', color: '#0f172a', dash: [6, 4], width: 1.5 },
    ],
    height: 240,
    description: 'Training and held-out root mean squared error of the matrix factorization against the epoch, with the held-out error of the mean-and-biases baseline as a dashed line.',
  });
  private readonly fields: { factors: NumberField; epochs: NumberField; lr: DecimalField; reg: DecimalField };
  // One training at a time; a new request stops the running one and only the newest runs.
  private readonly queue = engineQueue((error) => this.say(`The engine said: ${error.message}`, 'error'));
  private training: AbortController | null = null;
  private evaluation: RecommenderEvaluateResult | null = null;
  private result: RecommenderTrainResult | null = null;
  private curve = { epoch: [] as number[], train: [] as (number | null)[], test: [] as (number | null)[] };

  constructor(private readonly context: FactorizationContext, private readonly settings: FactorizationSettings) {
    const changed = () => {
      context.save();
      this.retrain();
    };
    this.fields = {
      factors: numberField($<HTMLInputElement>('rec-factors'), byId('rec-factors-message'), {
        label: 'Factors', min: 1, max: 200,
        onChange(value) { settings.factors = value; changed(); },
      }),
      epochs: numberField($<HTMLInputElement>('rec-epochs'), byId('rec-epochs-message'), {
        label: 'Epochs', min: 1, max: 1000,
        onChange(value) { settings.epochs = value; changed(); },
      }),
      lr: decimalField($<HTMLInputElement>('rec-lr'), byId('rec-lr-message'), {
        label: 'Learning rate', quote: 'not', format: formatSignificant6, min: 0.0001, max: 0.5,
        onChange(value) { settings.lr = value; changed(); },
      }),
      reg: decimalField($<HTMLInputElement>('rec-reg'), byId('rec-reg-message'), {
        label: 'Penalty λ', quote: 'not', format: formatSignificant6, min: 0, max: 5,
        onChange(value) { settings.reg = value; changed(); },
      }),
    };
    this.centerBox.addEventListener('change', () => {
      settings.center = this.centerBox.checked ? '1' : '0';
      changed();
    });
    this.trainButton.addEventListener('click', () => {
      if (this.training) this.training.abort();
      else this.retrain();
    });
  }

  /** Shows the settings and keeps Train disabled until `enable` (the ratings are loaded). */
  showSettings(): void {
    this.fields.factors.set(this.settings.factors);
    this.fields.epochs.set(this.settings.epochs);
    this.fields.lr.set(this.settings.lr);
    this.fields.reg.set(this.settings.reg);
    this.centerBox.checked = this.settings.center === '1';
    this.trainButton.disabled = true;
  }

  enable(): void {
    this.trainButton.disabled = false;
  }

  /** Stops a running training and trains again (your ratings or the settings changed). */
  retrain(): void {
    this.training?.abort();
    this.queue.latest(() => this.train());
  }

  /** Scores the baselines and user–user methods on the held-out ratings (again when k changes). */
  async evaluate(): Promise<void> {
    const body = $('rec-eval').querySelector('tbody')!;
    body.replaceChildren(row('computing…', ''));
    this.evaluation = await this.context.engine.run('recommender.evaluate', { data: this.context.data, k: this.settings.k, testFraction: TEST_FRACTION, seed: SEED });
    this.renderEvaluation();
    $('rec-mf-baseline').textContent = rmse(this.evaluation.baselines.userItemBias);
    this.drawCurve();
  }

  private say(text: string, kind: 'info' | 'error' = 'info'): void {
    this.status.textContent = text;
    this.status.dataset.state = kind;
  }

  /** The held-out RMSE of every method, the trained factorization last once there is one. */
  private renderEvaluation(): void {
    const evaluation = this.evaluation, mf = this.result, k = this.settings.k;
    if (!evaluation) return;
    const b = evaluation.baselines;
    const rows = [
      row('global mean μ', rmse(b.globalMean), 'global'),
      row('each user’s mean', rmse(b.userMean), 'user'),
      row('each movie’s mean', rmse(b.itemMean), 'movie'),
      row('μ + b_u + b_i', rmse(b.userItemBias), 'bias'),
      ...evaluation.knn.map((s) => row(`user–user, ${this.context.similarityNames[s.similarity]} (k = ${k})`, rmse(s.rmse), `knn-${s.similarity}`)),
    ];
    if (mf && mf.reason !== 'diverged') {
      rows.push(row(`matrix factorization (${mf.epochs} epochs)`, rmse(mf.testRmse), 'mf'));
    }
    $('rec-eval').querySelector('tbody')!.replaceChildren(...rows);
    $('rec-eval-note').textContent =
      `Trained on ${count(evaluation.train)} ratings, scored on the other ${count(evaluation.test)} (10% of each user’s). ` +
      `User–user rows predict each held-out rating from the ${k} most similar users who rated that movie.`;
  }

  private drawCurve(): void {
    const base = this.evaluation?.baselines.userItemBias ?? null;
    this.lossChart.setData(this.curve.epoch, [this.curve.train, this.curve.test, this.curve.epoch.map(() => base)]);
  }

  private async train(): Promise<void> {
    const you = this.context.yourRatings();
    if (!you) return;
    const controller = new AbortController();
    this.training = controller;
    this.trainButton.textContent = 'Stop';
    this.curve = { epoch: [], train: [], test: [] };
    const s = this.settings;
    this.say(`Training ${s.factors} factors by SGD…`);
    try {
      const result = await this.context.engine.run(
        'recommender.train',
        {
          data: this.context.data,
          movieIds: you.movieIds,
          ratings: you.ratings,
          factors: s.factors,
          epochs: s.epochs,
          lr: s.lr,
          reg: s.reg,
          centered: s.center === '1',
          testFraction: TEST_FRACTION,
          seed: SEED,
          top: this.context.top,
          minRatings: MF_MIN_RATINGS,
          paceMs: reducedMotion() ? 0 : 40,
        },
        { signal: controller.signal, onProgress: (p) => this.showEpoch(p) },
      );
      this.result = result;
      this.showEpoch({ epoch: result.epochs, trainRmse: result.trainRmse, testRmse: result.testRmse });
      const list = $('rec-mf-list');
      list.replaceChildren(...predictionItems(result.items, this.context.titleOf, (support) => `${count(support)} ratings`));
      if (you.movieIds.length === 0) list.replaceChildren(Object.assign(document.createElement('li'), { className: 'rec-none', textContent: 'Rate a movie to get your own list.' }));
      this.renderEvaluation();
      const base = this.evaluation?.baselines.userItemBias;
      const versus = base === undefined ? '' : result.testRmse < base ? ', better than the baseline' : ', not better than the baseline';
      this.say(
        result.reason === 'diverged'
          ? `Diverged after ${result.epochs} epochs: the RMSE is no longer finite. Try a smaller learning rate.`
          : `${result.reason === 'stopped' ? 'Stopped' : 'Done'}: ${result.epochs} epochs, held-out RMSE ${rmse(result.testRmse)}${versus}.`,
        result.reason === 'diverged' ? 'error' : 'info',
      );
    } finally {
      if (this.training === controller) {
        this.training = null;
        this.trainButton.textContent = 'Train';
      }
    }
  }

  private showEpoch(p: RecommenderTrainProgress): void {
    if (this.curve.epoch.at(-1) !== p.epoch) {
      this.curve.epoch.push(p.epoch);
      this.curve.train.push(Number.isFinite(p.trainRmse) ? p.trainRmse : null);
      this.curve.test.push(Number.isFinite(p.testRmse) ? p.testRmse : null);
      this.drawCurve();
    }
    $('rec-mf-epoch').textContent = String(p.epoch);
    $('rec-mf-train').textContent = rmse(p.trainRmse);
    $('rec-mf-test').textContent = rmse(p.testRmse);
  }
}

/** A two-cell row of the held-out table; `key` (data-row) names the method for the tests. */
function row(name: string, value: string, key = ''): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (key) tr.dataset.row = key;
  const a = document.createElement('td');
  a.textContent = name;
  const b = document.createElement('td');
  b.textContent = value;
  tr.append(a, b);
  return tr;
}
