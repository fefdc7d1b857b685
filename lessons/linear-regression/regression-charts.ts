// linear-regression: the page's line charts — gradient descent's loss and coefficient trace (grown
// as progress streams in), the scaled-vs-raw race, and the ridge and lasso paths with their test
// error. The charts with one series per feature are rebuilt whenever the features change. Pure
// drawing: the controller (main.ts) passes what the engine returned.
import type { LinearRegressionAnalysis, LinearRegressionGdProgress, LinearRegressionScalingRace } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { LineChart, type SeriesSpec } from '../../web/widgets/line-chart';
import { EXACT_COLOR, TEST_COLOR, TRAIN_COLOR, positive, showPaths } from './fit-views';

const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];
/** Features drawn with a legend entry; the rest are drawn without one. */
const LEGEND_LIMIT = 8;

/** One line per feature, coloured from PALETTE; `dashed` lines (the closed-form values) stay out of the legend. */
function featureSeries(features: string[], dashed = false): SeriesSpec[] {
  return features.map((f, j) => ({
    label: f,
    color: PALETTE[j % PALETTE.length],
    width: 1.5,
    ...(dashed ? { dash: [5, 4], helper: true } : {}),
    ...(j >= LEGEND_LIMIT ? { helper: true } : {}),
  }));
}

export class RegressionCharts {
  private readonly loss = new LineChart($('lr-loss-chart'), {
    x: { label: 'epoch' },
    y: { label: 'MSE', log: true },
    series: [
      { label: 'training MSE', color: TRAIN_COLOR },
      { label: 'test MSE', color: TEST_COLOR },
      { label: 'normal equation (training)', color: EXACT_COLOR, dash: [6, 4] },
    ],
    height: 230,
    description: 'Training and test mean squared error of gradient descent against the epoch, log scale, with the normal equation’s training MSE as a dashed line.',
  });
  private readonly race = new LineChart($('lr-race-chart'), {
    x: { label: 'epoch' },
    y: { label: 'training MSE', log: true },
    series: [
      { label: 'standardized features', color: TRAIN_COLOR },
      { label: 'raw features', color: '#dc2626' },
      { label: 'best possible', color: EXACT_COLOR, dash: [6, 4] },
    ],
    height: 230,
    description: 'Batch gradient descent on standardized and on raw features, each with step 1/L: training MSE per epoch on a log scale.',
  });
  private readonly pathMse = new LineChart($('lr-path-mse'), {
    x: { label: 'λ', log: true },
    y: { label: 'test MSE', log: true },
    series: [
      { label: 'ridge', color: '#9333ea', points: true },
      { label: 'lasso', color: '#ea580c', points: true },
    ],
    height: 230,
    description: 'Test mean squared error of ridge and lasso fits against the penalty λ, both axes logarithmic.',
  });
  private coefTrace: LineChart | null = null;
  private ridgePath: LineChart | null = null;
  private lassoPath: LineChart | null = null;
  /** What the current gradient-descent run has streamed so far, one entry per progress report. */
  private history: { epoch: number[]; train: (number | null)[]; test: (number | null)[]; coef: number[][] } = { epoch: [], train: [], test: [], coef: [] };

  /** Rebuilds the coefficient trace and the two path charts with one series per feature. */
  setFeatures(features: string[]): void {
    this.coefTrace?.destroy(), this.ridgePath?.destroy(), this.lassoPath?.destroy();
    const shown = features.length > LEGEND_LIMIT ? ` (legend: the first ${LEGEND_LIMIT})` : '';
    this.coefTrace = new LineChart($('lr-trace-chart'), {
      x: { label: 'epoch' },
      y: { label: 'coefficient per SD' },
      series: [...featureSeries(features), ...featureSeries(features.slice(0, LEGEND_LIMIT), true)],
      height: 230,
      description: `Each coefficient, per standard deviation of its feature, against the gradient-descent epoch${shown}; dashed: the closed-form values.`,
    });
    const path = (el: string, name: string) =>
      new LineChart($(el), {
        x: { label: 'λ', log: true },
        y: { label: 'coefficient per SD' },
        series: featureSeries(features),
        height: 230,
        description: `The ${name} coefficient of every feature against the penalty λ (log scale)${shown}.`,
      });
    this.ridgePath = path('lr-ridge-path', 'ridge');
    this.lassoPath = path('lr-lasso-path', 'lasso');
  }

  showPaths(features: string[], a: LinearRegressionAnalysis): void {
    showPaths(features, a, { ridge: this.ridgePath, lasso: this.lassoPath, testMse: this.pathMse });
  }

  /** Training MSE per epoch with standardized and with raw features, and the normal equation's as a floor. */
  showRace(race: LinearRegressionScalingRace): void {
    const epochs = Array.from(race.scaled, (_, i) => i);
    this.race.setData(epochs, [Array.from(race.scaled, positive), Array.from(race.raw, positive), epochs.map(() => positive(race.best))]);
  }

  /** Forgets the previous run's loss and trace before a new one over `featureCount` features. */
  startTraining(featureCount: number): void {
    this.history = { epoch: [], train: [], test: [], coef: Array.from({ length: featureCount }, () => []) };
  }

  /** Adds one progress report; `best` (the closed-form training MSE) and `exact` (its standardized
   *  coefficients) are drawn dashed when they solve the same problem, else null. */
  addProgress(p: LinearRegressionGdProgress, best: number | null, exact: Float64Array | null): void {
    const trace = this.history;
    trace.epoch.push(p.epoch);
    trace.train.push(positive(p.trainMse));
    trace.test.push(positive(p.testMse));
    p.standardizedCoef.forEach((c, j) => trace.coef[j]?.push(Number.isFinite(c) ? c : NaN));
    this.loss.setData(trace.epoch, [trace.train, trace.test, trace.epoch.map(() => (best === null ? null : positive(best)))]);
    const dashed = trace.coef.slice(0, LEGEND_LIMIT).map((_, j) => trace.epoch.map(() => (exact ? exact[j] : null)));
    // A diverging run's coefficients blow up: past 1e12 they are left out so the axis stays readable.
    this.coefTrace?.setData(trace.epoch, [...trace.coef.map((c) => c.map((v) => (Number.isFinite(v) && Math.abs(v) < 1e12 ? v : null))), ...dashed]);
  }
}
