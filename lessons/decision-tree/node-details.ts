// decision-tree: the text under the tree — the details of the chosen node (its question, rows,
// impurity, class mix and prediction) and the walk of one held-out row from the root to its leaf,
// one yes/no answer per question. Only text: the tree and the rows' paths come from the engine.
import type { DecisionTreeResult, TreeCriterion } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';

const pct = (v: number) => `${(100 * v).toFixed(1)}%`;
const fixed = (v: number) => String(+v.toFixed(4));

/** Training rows of each class in node `id`. */
function classCounts(r: DecisionTreeResult, id: number): number[] {
  const k = r.classes.length;
  return Array.from(r.nodes.values.subarray(id * k, id * k + k));
}

/** Lists the details of node `id` as a definition list (each value tagged with its term for the tests). */
export function showNodeDetails(r: DecisionTreeResult, id: number, criterion: TreeCriterion): void {
  const n = r.nodes;
  const values = classCounts(r, id);
  const total = values.reduce((a, b) => a + b, 0);
  const info = $('dt-node-info');
  const rows: [string, string][] = [
    ['Node', id === 0 ? '0 (the root)' : String(id)],
    ['Question', n.feature[id] < 0 ? 'none: a leaf' : `${n.ruleLeft[id]}? (yes → left, no → right)`],
    ['Training rows', String(n.samples[id])],
    [`${criterion === 'gini' ? 'Gini' : 'Entropy'} impurity`, fixed(n.impurity[id])],
    ['Class mix', r.classes.map((c, i) => `${c} ${values[i]} (${pct(values[i] / total)})`).join(', ')],
    ['Predicts', r.classes[n.prediction[id]]],
  ];
  if (n.feature[id] >= 0) rows.push(['Weighted impurity decrease ΔI', fixed(n.improvement[id])]);
  const list = document.createElement('dl');
  for (const [term, value] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = term;
    const dd = document.createElement('dd');
    dd.textContent = value;
    dd.dataset.field = term;
    list.append(dt, dd);
  }
  info.replaceChildren(list);
  info.dataset.node = String(id);
}

/** Shows held-out row `row` (1-based) going down the tree, called a `noun` ("passenger", "row");
 *  returns the leaf it lands in. */
export function showHeldOutWalk(r: DecisionTreeResult, row: number, noun: string): number {
  const t = r.test;
  const i = Math.min(row, r.testRows) - 1;
  const path = Array.from(t.paths.subarray(t.pathOffsets[i], t.pathOffsets[i + 1]));
  const cells = t.cells[i];
  $('dt-walk-noun').textContent = noun;
  $('dt-walk-who').textContent = `CSV row ${t.fileRows[i]}: ${r.header.map((h, c) => `${h} ${cells[c] === '' ? '(empty)' : cells[c]}`).join(', ')}`;
  const steps = path.slice(0, -1).map((id, s) => {
    const yes = path[s + 1] === r.nodes.left[id];
    // A one-hot feature "sex=male" answers from the CSV column "sex".
    const feature = r.featureNames[r.nodes.feature[id]];
    const column = feature.includes('=') && r.header.includes(feature.split('=')[0]) ? feature.split('=')[0] : feature;
    const c = r.header.indexOf(column);
    const item = document.createElement('li');
    const value = c >= 0 ? (cells[c] === '' ? 'empty (filled)' : cells[c]) : '?';
    item.textContent = `${r.nodes.ruleLeft[id]}? ${yes ? 'Yes' : 'No'} — ${column} is ${value}.`;
    return item;
  });
  $('dt-walk-steps').replaceChildren(...steps);
  const leaf = path[path.length - 1];
  const values = classCounts(r, leaf);
  const total = values.reduce((a, b) => a + b, 0);
  const predicted = t.predicted[i];
  const actual = t.labels[i];
  $('dt-walk-verdict').textContent =
    `Leaf ${leaf}: ${r.target} = ${r.classes[predicted]} (${pct(values[predicted] / total)} of its ${total} training rows). ` +
    `Actually: ${r.classes[actual]} — ${predicted === actual ? 'right' : 'wrong'}.`;
  $('dt-walk-verdict').dataset.correct = String(predicted === actual);
  return leaf;
}
