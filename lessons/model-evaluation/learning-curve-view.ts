// The learning-curve chart of the model-evaluation page: mean training and validation accuracy over
// the folds against the number of training rows, redrawn as each size comes back from the engine
// (modelEvaluation.curve).
import type { EvalCurve } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { LineChart } from '../../web/widgets/line-chart';

export class LearningCurveView {
  private readonly chart = new LineChart($('me-learning-curve'), {
    x: { label: 'training rows' },
    y: { label: 'accuracy' },
    series: [
      { label: 'training score', color: '#2563eb', points: true },
      { label: 'validation score', color: '#f97316', points: true },
    ],
    height: 240,
    description: 'Learning curve: mean training and validation accuracy over the folds against the number of training rows.',
  });

  draw(curve: EvalCurve): void {
    // A size whose folds could not be scored comes back NaN: a gap in the line, not a drop to zero.
    const finite = (values: Float64Array) => Array.from(values, (v) => (Number.isFinite(v) ? v : null));
    this.chart.setData(Array.from(curve.sizes), [finite(curve.trainMean), finite(curve.validationMean)]);
  }
}
