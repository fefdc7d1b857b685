// linear-regression: the views of a fit — the coefficient table, the predicted-vs-actual, residual and
// one-feature line plots, and the ridge and lasso paths with their test error. Pure drawing: the
// controller (main.ts) passes what the engine returned.
import type { LinearRegressionAnalysis, LinearRegressionData, LinearRegressionFit } from '../../web/engine/protocol';
import type { LineChart } from '../../web/widgets/line-chart';
import type { Scatter } from './scatter';

export const TRAIN_COLOR = '#2563eb', TEST_COLOR = '#f97316', EXACT_COLOR = '#16a34a';

export const big = (v: number) => (!Number.isFinite(v) ? '∞' : Math.abs(v) >= 1e5 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(4) : String(+v.toPrecision(5)));
export const positive = (v: number) => (Number.isFinite(v) && v > 0 ? v : null);

/** Coefficient paths against λ (ascending) for ridge and lasso, and both test errors on one λ axis. */
export function showPaths(
  features: string[],
  a: LinearRegressionAnalysis,
  charts: { ridge: LineChart | null; lasso: LineChart | null; testMse: LineChart },
): void {
  const p = features.length;
  const column = (values: Float64Array, j: number, k: number) => Array.from({ length: k }, (_, i) => values[(k - 1 - i) * p + j]);
  const ascending = (values: Float64Array) => Array.from(values).reverse();
  const k = a.paths.ridgeLambdas.length;
  charts.ridge?.setData(ascending(a.paths.ridgeLambdas), Array.from({ length: p }, (_, j) => column(a.paths.ridge, j, k)));
  charts.lasso?.setData(ascending(a.paths.lassoLambdas), Array.from({ length: p }, (_, j) => column(a.paths.lasso, j, k)));
  // One x axis for both test-error curves: the union of the two grids, each curve a gap elsewhere.
  const xs = [...a.paths.ridgeLambdas, ...a.paths.lassoLambdas].sort((x, y) => x - y);
  const at = (grid: Float64Array, mse: Float64Array) => xs.map((x) => {
    const i = grid.indexOf(x);
    return i < 0 ? null : positive(mse[i]);
  });
  charts.testMse.setData(xs, [at(a.paths.ridgeLambdas, a.paths.ridgeTestMse), at(a.paths.lassoLambdas, a.paths.lassoTestMse)]);
}

/** One row per coefficient: the closed-form value, gradient descent's, and the standardized one. */
export function showCoefficients(body: HTMLTableSectionElement, features: string[], fit: LinearRegressionFit | null, gdFit: LinearRegressionFit | null): void {
  const rows = ['(intercept)', ...features].map((name, j) => {
    const tr = document.createElement('tr');
    tr.dataset.feature = name;
    const cell = (text: string, header = false) => {
      const c = document.createElement(header ? 'th' : 'td');
      if (header) c.setAttribute('scope', 'row');
      c.textContent = text;
      return c;
    };
    const value = (f: LinearRegressionFit | null) => (f ? big(j === 0 ? f.intercept : f.coef[j - 1]) : '–');
    tr.append(cell(name, true), cell(value(fit)), cell(value(gdFit)), cell(j === 0 || !fit ? '–' : big(fit.standardizedCoef[j - 1])));
    return tr;
  });
  body.replaceChildren(...rows);
}

/** Predicted against actual, residuals, and with one feature the fitted line(s) through the points. */
export function showFitPlots(
  plots: { actual: Scatter; residual: Scatter; line: Scatter; linePanel: HTMLElement },
  data: LinearRegressionData | null,
  fit: LinearRegressionFit | null | undefined,
  gdFit: LinearRegressionFit | null,
): void {
  if (!data || !fit) {
    plots.actual.set([]), plots.residual.set([]), plots.line.set([]);
    return;
  }
  const residuals = (a: Float64Array, p: Float64Array) => a.map((v, i) => v - p[i]);
  const groups = (y: (f: LinearRegressionFit, which: 'train' | 'test') => ArrayLike<number>) => [
    { x: fit.trainPredicted, y: y(fit, 'train'), color: TRAIN_COLOR },
    { x: fit.testPredicted, y: y(fit, 'test'), color: TEST_COLOR },
  ];
  const target = data.target;
  plots.actual.set(groups((f, w) => (w === 'train' ? f.trainActual : f.testActual)), [], { x: `predicted ${target}`, y: `actual ${target}` });
  plots.residual.set(
    groups((f, w) => (w === 'train' ? residuals(f.trainActual, f.trainPredicted) : residuals(f.testActual, f.testPredicted))),
    [],
    { x: `predicted ${target}`, y: 'actual − predicted' },
  );
  const one = fit.trainX !== undefined && fit.testX !== undefined;
  plots.linePanel.hidden = !one;
  if (one) {
    const ends = (x: Float64Array, y: Float64Array) => {
      let lo = 0, hi = 0;
      x.forEach((v, i) => ((lo = v < x[lo] ? i : lo), (hi = v > x[hi] ? i : hi)));
      return { x: [x[lo], x[hi]], y: [y[lo], y[hi]] };
    };
    const lines = [{ ...ends(fit.trainX!, fit.trainPredicted), color: '#0f172a' }];
    if (gdFit?.trainX) lines.push({ ...ends(gdFit.trainX, gdFit.trainPredicted), color: EXACT_COLOR, dash: [7, 5] } as (typeof lines)[number]);
    plots.line.set(
      [{ x: fit.trainX!, y: fit.trainActual, color: TRAIN_COLOR }, { x: fit.testX!, y: fit.testActual, color: TEST_COLOR }],
      lines,
      { x: data.features[0], y: target },
    );
  }
}
