// The two-class view of the model-evaluation page: one class against the rest at a chosen threshold
// on its out-of-fold probability — the 2 × 2 table, the rates, and the ROC, precision–recall and
// calibration curves with the threshold's point marked. Only drawing: the engine computed it all
// (modelEvaluation.binary).
import type { EvalBinaryResult } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { drawCurves } from './curve-plot';
import { fixed } from './results-view';

const DIAGONAL = { color: '#94a3b8', dash: [5, 4], width: 1.5 };
const THRESHOLD_DOT = '#dc2626';

/** Lists the classes in the positive-class menu (only when they changed, so focus stays) and selects `positive`. */
export function fillPositive(classes: string[], positive: number): void {
  const select = $<HTMLSelectElement>('me-positive');
  if (select.options.length !== classes.length || Array.from(select.options).some((o, i) => o.text !== classes[i])) {
    select.replaceChildren(...classes.map((c, i) => new Option(c, String(i))));
  }
  select.value = String(positive);
}

/** Draws the view for class `positive` (its name) against the rest at threshold index `t`. */
export function drawThresholdView(b: EvalBinaryResult, positive: string, t: number): void {
  $('me-threshold-value').textContent = b.thresholds[t].toFixed(2);
  drawTable(b, positive, t);
  $('me-tpr').textContent = fixed(b.tpr[t]);
  $('me-fpr').textContent = fixed(b.fpr[t]);
  $('me-precision').textContent = b.tp[t] + b.fp[t] > 0 ? fixed(b.precision[t]) : '– (none predicted)';
  $('me-f1-t').textContent = fixed(b.f1[t]);
  $('me-roc-auc').textContent = `(AUC ${b.auc.toFixed(3)})`;
  $('me-ap').textContent = `(AP ${b.averagePrecision.toFixed(3)})`;
  drawCurvePlots(b, positive, t);
}

/** TP / FN over FP / TN at threshold index t, rows the truth and columns the prediction. */
function drawTable(b: EvalBinaryResult, positive: string, t: number): void {
  const cell = (text: string, cls: string, testid: string) => {
    const td = document.createElement('td');
    td.textContent = text;
    td.className = cls;
    td.dataset.testid = testid;
    return td;
  };
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { textContent: `t = ${b.thresholds[t].toFixed(2)}` }));
  head.append(Object.assign(document.createElement('th'), { textContent: `predicted ${positive}`, scope: 'col' }));
  head.append(Object.assign(document.createElement('th'), { textContent: 'predicted rest', scope: 'col' }));
  const row1 = document.createElement('tr');
  row1.append(Object.assign(document.createElement('th'), { textContent: `is ${positive}`, scope: 'row' }), cell(`TP ${b.tp[t]}`, 'me-good', 'me-tp'), cell(`FN ${b.fn[t]}`, 'me-bad', 'me-fn'));
  const row2 = document.createElement('tr');
  row2.append(Object.assign(document.createElement('th'), { textContent: 'is rest', scope: 'row' }), cell(`FP ${b.fp[t]}`, 'me-bad', 'me-fp'), cell(`TN ${b.tn[t]}`, 'me-good', 'me-tn'));
  $('me-binary').replaceChildren(head, row1, row2);
}

/** ROC and precision–recall with the threshold's point, and calibration with dots sized by bin count. */
function drawCurvePlots(b: EvalBinaryResult, positive: string, t: number): void {
  // The precision–recall baseline: a classifier that guesses sits at the positive share.
  const share = b.positives / (b.positives + b.negatives);
  drawCurves($<HTMLCanvasElement>('me-roc'), {
    xTitle: 'false-positive rate',
    yTitle: 'true-positive rate',
    x0: 0, x1: 1, y0: 0, y1: 1,
    curves: [{ x: [0, 1], y: [0, 1], ...DIAGONAL }, { x: b.rocFpr, y: b.rocTpr, color: '#2563eb' }],
    dots: [{ x: b.fpr[t], y: b.tpr[t], color: THRESHOLD_DOT, r: 5 }],
  });
  drawCurves($<HTMLCanvasElement>('me-pr'), {
    xTitle: 'recall',
    yTitle: 'precision',
    x0: 0, x1: 1, y0: 0, y1: 1.02,
    curves: [{ x: [0, 1], y: [share, share], ...DIAGONAL }, { x: b.prRecall, y: b.prPrecision, color: '#7c3aed' }],
    dots: [{ x: b.tpr[t], y: b.precision[t], color: THRESHOLD_DOT, r: 5 }],
  });
  const biggest = Math.max(1, ...Array.from(b.calibrationCounts));
  drawCurves($<HTMLCanvasElement>('me-calibration'), {
    xTitle: `mean predicted p(${positive})`,
    yTitle: `share that is ${positive}`,
    x0: 0, x1: 1, y0: 0, y1: 1,
    curves: [{ x: [0, 1], y: [0, 1], ...DIAGONAL }, { x: b.calibrationPredicted, y: b.calibrationFraction, color: '#0f766e' }],
    dots: Array.from(b.calibrationPredicted, (x, j) => ({ x, y: b.calibrationFraction[j], color: '#0f766e', r: 2 + 6 * Math.sqrt(b.calibrationCounts[j] / biggest) })),
  });
  $('me-roc').setAttribute('aria-label', `ROC curve for ${positive} against the rest, AUC ${b.auc.toFixed(3)}; at threshold ${b.thresholds[t].toFixed(2)} the true-positive rate is ${fixed(b.tpr[t])} and the false-positive rate ${fixed(b.fpr[t])}.`);
  $('me-pr').setAttribute('aria-label', `Precision–recall curve for ${positive}, average precision ${b.averagePrecision.toFixed(3)}.`);
  $('me-calibration').setAttribute('aria-label', `Calibration of the predicted probability of ${positive} in ${b.calibrationPredicted.length} bins.`);
}
