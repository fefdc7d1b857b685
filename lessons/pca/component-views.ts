// pca: the tables and images that describe a fit — the eigenvalues as they converge, the components
// (a loadings table, or eigen-digit images for image data), the SVD check and the covariance matrix.
// Pure drawing: the controller (main.ts) passes what the engine returned.
import type { PcaComponentProgress, PcaFitResult } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { drawDiverging } from './images';

const EIGEN_IMAGES = 16;

/** The lesson's number formats: four significant digits (exponent form when very large or small), and a share as a percentage. */
export const fmt = (v: number) => (v === 0 ? '0' : Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3 ? v.toExponential(3) : String(+v.toPrecision(4)));
export const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

/** Image side of image data (the components are drawn as images), absent for tabular data. */
export interface ImageShape {
  side: number;
}

/** One row per component found so far (rows may arrive with gaps while streaming). */
export function showEigenTable(rows: PcaComponentProgress[]): void {
  let running = 0;
  const body = $('pca-eigen-table').querySelector('tbody')!;
  body.replaceChildren(
    ...rows.filter(Boolean).map((p) => {
      running += p.ratio;
      const tr = document.createElement('tr');
      const cells = [String(p.index + 1), fmt(p.value), pct(p.ratio), pct(running), p.iterations.toLocaleString('en-US') + (p.converged ? '' : ' (not converged)'), p.residual.toExponential(1)];
      tr.replaceChildren(...cells.map((c) => Object.assign(document.createElement('td'), { textContent: c })));
      return tr;
    }),
  );
}

/** The components: eigen-digit images for image data, else a table of each feature's weight in the first four. */
export function showDirections(r: PcaFitResult, image: ImageShape | undefined, standardized: boolean): void {
  const grid = $('pca-eigendigits');
  grid.hidden = !image;
  $('pca-loadings-wrap').hidden = !!image;
  if (image) {
    $('pca-directions-title').textContent = 'Eigen-digits: the components as images';
    $('pca-directions-caption').textContent = `The first ${Math.min(EIGEN_IMAGES, r.fitted.length)} components, each a unit vector of ${r.features} pixel weights: red adds ink, blue removes it.`;
    grid.replaceChildren(
      ...r.fitted.slice(0, EIGEN_IMAGES).map((p, c) => {
        const figure = document.createElement('figure');
        const canvas = document.createElement('canvas');
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `Component ${c + 1} as an image`);
        drawDiverging(canvas, r.components.subarray(c * r.features, (c + 1) * r.features), image.side);
        const caption = document.createElement('figcaption');
        caption.textContent = `PC${c + 1} · ${pct(p.ratio)}`;
        figure.append(canvas, caption);
        return figure;
      }),
    );
    return;
  }
  $('pca-directions-title').textContent = 'The components: weight of each feature';
  $('pca-directions-caption').textContent = 'Each column is a unit vector u_k: how much each (centred' + (standardized ? ', standardized' : '') + ') feature contributes to that component’s score.';
  const shown = Math.min(r.fitted.length, 4);
  const table = $('pca-loadings');
  const head = document.createElement('tr');
  head.replaceChildren(...['feature', ...Array.from({ length: shown }, (_, c) => `PC${c + 1}`)].map((t) => Object.assign(document.createElement('th'), { textContent: t, scope: 'col' })));
  table.querySelector('thead')!.replaceChildren(head);
  table.querySelector('tbody')!.replaceChildren(
    ...r.featureNames.map((name, f) => {
      const tr = document.createElement('tr');
      const th = Object.assign(document.createElement('th'), { textContent: name, scope: 'row' });
      const cells = Array.from({ length: shown }, (_, c) => {
        const v = r.components[c * r.features + f];
        const td = Object.assign(document.createElement('td'), { textContent: v.toFixed(3) });
        td.style.background = shade(v);
        return td;
      });
      tr.replaceChildren(th, ...cells);
      return tr;
    }),
  );
}

/** A cell tint for a value in [−1, 1]: red positive, blue negative. */
function shade(v: number): string {
  const a = Math.min(1, Math.abs(v)) * 0.55;
  return v >= 0 ? `rgba(220, 38, 38, ${a})` : `rgba(37, 99, 235, ${a})`;
}

/** σₖ of the centred data beside λₖ: σₖ² / (n − 1) = λₖ, and |cos| between the singular and eigen vectors. */
export function showSvd(r: PcaFitResult): void {
  const body = $('pca-svd').querySelector('tbody')!;
  body.replaceChildren(
    ...Array.from(r.singular.values, (sigma, k) => {
      const tr = document.createElement('tr');
      const cells = [String(k + 1), fmt(sigma), fmt((sigma * sigma) / (r.samples - 1)), fmt(r.fitted[k].value), r.singular.alignment[k].toFixed(6)];
      tr.replaceChildren(...cells.map((c) => Object.assign(document.createElement('td'), { textContent: c })));
      return tr;
    }),
  );
}

/** The covariance (or correlation) matrix as a tinted table, for up to 30 features. */
export function showCovariance(r: PcaFitResult, standardized: boolean): void {
  const table = $('pca-covariance');
  const d = r.features;
  const body = table.querySelector('tbody')!;
  if (r.covariance.length === 0) {
    body.replaceChildren();
    $('pca-covariance-caption').textContent = `Not shown: ${d} features make a ${d} × ${d} matrix (the table is drawn for up to 30).`;
    return;
  }
  $('pca-covariance-caption').textContent = standardized
    ? 'The correlation matrix (covariance of the standardized features): ones on the diagonal. Red: features that grow together; blue: one grows as the other shrinks.'
    : 'Variances on the diagonal, covariances off it, in the data’s units squared. Red: features that grow together; blue: one grows as the other shrinks.';
  let m = 0;
  for (const v of r.covariance) m = Math.max(m, Math.abs(v));
  const header = document.createElement('tr');
  header.replaceChildren(document.createElement('th'), ...r.featureNames.map((name) => Object.assign(document.createElement('th'), { textContent: name, scope: 'col' })));
  body.replaceChildren(
    header,
    ...r.featureNames.map((name, i) => {
      const tr = document.createElement('tr');
      tr.replaceChildren(
        Object.assign(document.createElement('th'), { textContent: name, scope: 'row' }),
        ...r.featureNames.map((_, j) => {
          const v = r.covariance[i * d + j];
          const td = Object.assign(document.createElement('td'), { textContent: fmt(v) });
          td.style.background = shade(m > 0 ? v / m : 0);
          return td;
        }),
      );
      return tr;
    }),
  );
}
