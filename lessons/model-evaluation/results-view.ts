// The model-evaluation page's pictures of the split and the folds, and its score tables: the split
// bar, the k-fold diagram, the class mix of each held-out fold, the per-fold table, the out-of-fold
// confusion matrix (a clicked cell lists its rows) and the per-class table. Only drawing: every
// number comes from the engine.
import type { EvalCvResult, EvalSplit } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { classColor } from '../../web/widgets/class-regions';

const FOLD_COLORS = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#0369a1', '#4d7c0f', '#a21caf', '#c2410c', '#334155'];
export const fixed = (v: number, digits = 3) => (Number.isFinite(v) ? v.toFixed(digits) : '–');

function block(className: string, grow: number, color: string, label: string): HTMLElement {
  const el = document.createElement('span');
  el.className = className;
  el.style.flexGrow = String(grow);
  el.style.background = color;
  el.title = label;
  return el;
}

export function drawSplit(s: EvalSplit, stratified: boolean): void {
  const folds = s.foldClassCounts.length / s.classes.length;
  const foldSizes = Array.from({ length: folds }, (_, f) => s.foldClassCounts.slice(f * s.classes.length, (f + 1) * s.classes.length).reduce((a, b) => a + b, 0));
  const bar = $('me-split-bar');
  bar.replaceChildren(
    ...foldSizes.map((n, f) => {
      const b = block('me-seg', n, FOLD_COLORS[f % FOLD_COLORS.length], `fold ${f + 1}: ${n} rows`);
      b.textContent = folds <= 10 ? `${f + 1}` : '';
      return b;
    }),
    ...(s.testRows > 0 ? [Object.assign(block('me-seg me-test-seg', s.testRows, '#0f172a', `test: ${s.testRows} rows`), { textContent: 'test' })] : []),
  );
  bar.setAttribute('aria-label', `${s.rows} rows: ${s.cvRows} cross-validated in ${folds} folds of ${foldSizes.join(', ')} rows${s.testRows ? `, and ${s.testRows} held out as the test set` : ''}.`);
  $('me-split-note').textContent =
    `${s.rows} rows${s.droppedRows ? ` (${s.droppedRows} left out for empty cells)` : ''}, ${s.featureNames.length} features after one-hot encoding. ` +
    `${s.cvRows} rows are cross-validated in ${folds} folds (coloured); ` +
    (s.testRows ? `${s.testRows} rows (black) are the test set, touched once at the very end.` : 'no test set is held out.');
  // The k-fold diagram: fold f trains on every block but block f.
  $('me-fold-diagram').replaceChildren(
    ...foldSizes.map((_, f) => {
      const row = document.createElement('div');
      row.className = 'me-fold-row';
      const name = document.createElement('span');
      name.className = 'me-fold-name';
      name.textContent = `fit ${f + 1}`;
      const cells = document.createElement('span');
      cells.className = 'me-fold-cells';
      cells.setAttribute('aria-label', `fit ${f + 1}: validates on fold ${f + 1}, trains on the other ${folds - 1}`);
      for (let g = 0; g < folds; g++) {
        const c = block(g === f ? 'me-fold-cell me-held' : 'me-fold-cell', foldSizes[g], g === f ? FOLD_COLORS[g % FOLD_COLORS.length] : '#e2e8f0', g === f ? 'validation' : 'training');
        cells.append(c);
      }
      row.append(name, cells);
      return row;
    }),
  );
  // Class shares of each held-out fold, beside the whole data's.
  const k = s.classes.length;
  const mixRow = (name: string, counts: ArrayLike<number>) => {
    const row = document.createElement('div');
    row.className = 'me-fold-row';
    const label = document.createElement('span');
    label.className = 'me-fold-name';
    label.textContent = name;
    const cells = document.createElement('span');
    cells.className = 'me-fold-cells';
    const total = Array.from(counts).reduce((a, b) => a + b, 0);
    cells.setAttribute('aria-label', `${name}: ${s.classes.map((c, i) => `${counts[i]} ${c}`).join(', ')}`);
    for (let c = 0; c < k; c++) cells.append(block('me-fold-cell', counts[c], classColor(c), `${s.classes[c]}: ${counts[c]} of ${total}`));
    row.append(label, cells);
    return row;
  };
  $('me-class-mix').replaceChildren(
    mixRow('all', s.cvClassCounts),
    ...foldSizes.map((_, f) => mixRow(`fold ${f + 1}`, s.foldClassCounts.subarray(f * k, (f + 1) * k))),
  );
  const counts = foldSizes.map((_, f) => Array.from(s.foldClassCounts.subarray(f * k, (f + 1) * k)));
  const spread = s.classes.map((_, c) => Math.max(...counts.map((row) => row[c])) - Math.min(...counts.map((row) => row[c])));
  $('me-mix-caption').textContent =
    `${s.classes.map((c, i) => `${c} ${swatchName(i)}`).join(', ')}. ` +
    (stratified ? 'Stratified: each fold gets the same share of every class (counts differ by at most one).' : `Plain folds: the counts of a class differ by up to ${Math.max(...spread)} between folds.`);
}

const swatchName = (i: number) => ['(blue)', '(orange)', '(green)', '(purple)', '(red)', '(teal)', '(ochre)', '(pink)'][i % 8];

export function drawFoldTable(s: EvalSplit, perFold: Float64Array, r: EvalCvResult | null): void {
  const folds = s.foldClassCounts.length / s.classes.length;
  const k = s.classes.length;
  const body = $('me-fold-table').querySelector('tbody')!;
  body.replaceChildren(
    ...Array.from({ length: folds }, (_, f) => {
      const tr = document.createElement('tr');
      const held = Array.from(s.foldClassCounts.subarray(f * k, (f + 1) * k)).reduce((a, b) => a + b, 0);
      const cells = [`${f + 1}`, `${held}`];
      for (let m = 0; m < 6; m++) cells.push(6 * f + m < perFold.length ? fixed(perFold[6 * f + m]) : '…');
      cells.forEach((text, i) => {
        const td = document.createElement(i === 0 ? 'th' : 'td');
        if (i === 0) td.setAttribute('scope', 'row');
        td.textContent = text;
        tr.append(td);
      });
      return tr;
    }),
  );
  const foot = $('me-fold-table').querySelector('tfoot')!;
  if (!r) {
    foot.replaceChildren();
    return;
  }
  const row = (name: string, values: string[]) => {
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = name;
    tr.append(th, ...values.map((v) => Object.assign(document.createElement('td'), { textContent: v })));
    return tr;
  };
  const keys = ['accuracy', 'precision', 'recall', 'f1', 'rocAuc', 'logLoss'] as const;
  const rows = [row('mean', [`${s.cvRows}`, ...keys.map((key) => fixed(r.mean[key]))]), row('sd', ['', ...keys.map((key) => fixed(r.sd[key]))])];
  if (r.holdout) rows.push(row('test set', [`${s.testRows}`, ...keys.map((key) => fixed(r.holdout![key]))]));
  rows[rows.length - 1].dataset.testid = r.holdout ? 'me-holdout-row' : 'me-sd-row';
  foot.replaceChildren(...rows);
}

export function drawConfusion(r: EvalCvResult): void {
  const classes = r.split.classes;
  const k = classes.length;
  const max = Math.max(...Array.from(r.confusion));
  const table = $('me-confusion');
  const head = document.createElement('tr');
  head.append(Object.assign(document.createElement('th'), { textContent: 'true \\ predicted', scope: 'col' }));
  for (const c of classes) head.append(Object.assign(document.createElement('th'), { textContent: c, scope: 'col' }));
  const rows = classes.map((name, t) => {
    const tr = document.createElement('tr');
    tr.append(Object.assign(document.createElement('th'), { textContent: name, scope: 'row' }));
    for (let p = 0; p < k; p++) {
      const n = r.confusion[t * k + p];
      const td = document.createElement('td');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = String(n);
      button.dataset.true = String(t);
      button.dataset.predicted = String(p);
      const strength = max > 0 ? n / max : 0;
      button.style.background = t === p ? `rgba(22, 163, 74, ${0.1 + 0.5 * strength})` : n > 0 ? `rgba(220, 38, 38, ${0.12 + 0.5 * strength})` : '#f8fafc';
      button.setAttribute('aria-label', `${n} rows of class ${name} predicted ${classes[p]}; list them`);
      button.addEventListener('click', () => showCellRows(r, t, p));
      td.append(button);
      tr.append(td);
    }
    return tr;
  });
  table.replaceChildren(head, ...rows);
  $('me-cell-rows').replaceChildren();
}

function showCellRows(r: EvalCvResult, t: number, p: number): void {
  const k = r.split.classes.length;
  const picked: number[] = [];
  for (let i = 0; i < r.oofPredicted.length; i++) if (r.split.labels[i] === t && r.oofPredicted[i] === p) picked.push(i);
  const box = $('me-cell-rows');
  const title = document.createElement('p');
  title.className = 'me-cell-title';
  title.textContent = `${picked.length} rows are ${r.split.classes[t]} and were predicted ${r.split.classes[p]}${picked.length > 40 ? ' (the first 40)' : ''}:`;
  const list = document.createElement('ul');
  for (const i of picked.slice(0, 40)) {
    const item = document.createElement('li');
    item.textContent = `CSV row ${r.fileRows[i]} (fold ${r.split.foldOf[i] + 1}, p(${r.split.classes[p]}) = ${r.oofProba[i * k + p].toFixed(2)}): ${r.rowText[i]}`;
    list.append(item);
  }
  box.replaceChildren(title, list);
}

export function drawPerClass(r: EvalCvResult): void {
  const table = $('me-per-class');
  const head = document.createElement('tr');
  for (const h of ['class', 'precision', 'recall', 'F1', 'rows']) head.append(Object.assign(document.createElement('th'), { textContent: h, scope: 'col' }));
  table.replaceChildren(
    head,
    ...r.split.classes.map((name, c) => {
      const tr = document.createElement('tr');
      tr.append(Object.assign(document.createElement('th'), { textContent: name, scope: 'row' }));
      for (const v of [fixed(r.precision[c]), fixed(r.recall[c]), fixed(r.f1[c]), String(r.split.cvClassCounts[c])]) tr.append(Object.assign(document.createElement('td'), { textContent: v }));
      return tr;
    }),
  );
}
