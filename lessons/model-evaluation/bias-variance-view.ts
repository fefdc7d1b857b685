// The bias–variance panel of the model-evaluation page: for the chosen degree, the polynomials fitted
// to the first training sets, their mean and the truth; and bias², variance, noise, test and training
// MSE against the degree (all computed by the engine, evaluate/bias_variance.h).
import type { EvalBiasVarianceResult } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { LineChart } from '../../web/widgets/line-chart';
import { drawCurves } from './curve-plot';

export class BiasVarianceView {
  private readonly chart = new LineChart($('bv-chart'), {
    x: { label: 'polynomial degree', range: [1, 12] },
    y: { label: 'mean squared error', log: true },
    series: [
      { label: 'bias²', color: '#2563eb' },
      { label: 'variance', color: '#f97316' },
      { label: 'noise σ²', color: '#64748b', dash: [4, 4] },
      { label: 'test MSE', color: '#0f172a', width: 3 },
      { label: 'training MSE', color: '#16a34a', dash: [6, 3] },
      { label: 'chosen degree', color: '#dc2626', points: true, width: 0 },
    ],
    height: 260,
    description: 'Bias squared, variance, noise, test and training mean squared error of polynomial fits against the degree, on a log scale.',
  });

  draw(r: EvalBiasVarianceResult, degree: number): void {
    const degrees = r.bias2.length;
    const d = degree - 1;
    $('bv-bias2').textContent = r.bias2[d].toPrecision(3);
    $('bv-variance').textContent = r.variance[d].toPrecision(3);
    $('bv-noise2').textContent = r.noise[d].toPrecision(3);
    $('bv-sum').textContent = r.sum[d].toPrecision(3);
    $('bv-test').textContent = r.testMse[d].toPrecision(3);
    const xs = Array.from({ length: degrees }, (_, i) => i + 1);
    const positive = (a: Float64Array) => Array.from(a, (v) => (v > 0 ? v : null));
    this.chart.setData(xs, [positive(r.bias2), positive(r.variance), positive(r.noise), positive(r.testMse), positive(r.trainMse), xs.map((x) => (x === degree ? r.testMse[d] : null))]);
    const g = r.x.length;
    const keep = r.fits.length / (degrees * g);
    const fits = Array.from({ length: keep }, (_, s) => ({ x: r.x, y: r.fits.subarray((d * keep + s) * g, (d * keep + s + 1) * g), color: 'rgba(100, 116, 139, 0.35)', width: 1 }));
    drawCurves($<HTMLCanvasElement>('bv-fits'), {
      xTitle: 'x',
      yTitle: 'y',
      x0: 0, x1: 1, y0: -2, y1: 2,
      curves: [...fits, { x: r.x, y: r.truth, color: '#0f172a', dash: [6, 4] }, { x: r.x, y: r.meanFit.subarray(d * g, (d + 1) * g), color: '#2563eb', width: 3 }],
      dots: Array.from(r.sampleX, (x, i) => ({ x, y: r.sampleY[i], color: '#f97316', r: 3.5 })),
    });
    $('bv-fits').setAttribute('aria-label', `Polynomials of degree ${degree} fitted to ${keep} training sets, their mean and the true curve.`);
    $('bv-status').dataset.state = 'info';
    $('bv-status').textContent = `Degree ${degree}: bias² ${r.bias2[d].toPrecision(3)} + variance ${r.variance[d].toPrecision(3)} + noise ${r.noise[d].toPrecision(3)} = ${r.sum[d].toPrecision(3)}; measured test MSE ${r.testMse[d].toPrecision(3)}. Lowest test MSE at degree ${r.bestDegree}.`;
  }
}
