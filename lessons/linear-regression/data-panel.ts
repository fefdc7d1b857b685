// linear-regression: the data section's readouts — the target menu (numeric columns only), a
// checkbox per other column (text columns are one-hot encoded), how many rows and features that
// makes, and the condition numbers of the Hessian XᵀX/n with the largest safe learning rate 2/L.
import type { LinearRegressionData } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { big } from './fit-views';

/** Shows what the engine loaded; `scaled` picks the Hessian the safe learning rate is quoted for. */
export function showDataPanel(d: LinearRegressionData, scaled: boolean, credit: string): void {
  $('lr-target').replaceChildren(...d.columns.filter((c) => c.numeric).map((c) => new Option(c.name, c.name, false, c.name === d.target)));
  const chosen = new Set(d.chosen);
  $('lr-features').replaceChildren(
    ...d.columns
      .filter((c) => c.name !== d.target)
      .map((c) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = chosen.has(c.name);
        box.dataset.column = c.name;
        label.append(box, ` ${c.name}${c.numeric ? '' : ' (text, one-hot)'}`);
        return label;
      }),
  );
  $('lr-features-summary').textContent =
    `${d.chosen.length} of ${d.columns.length - 1} columns → ${d.features.length} feature${d.features.length === 1 ? '' : 's'}; ` +
    `${d.trainRows.toLocaleString('en-US')} training and ${d.testRows.toLocaleString('en-US')} test rows` +
    (d.droppedRows ? ` (${d.droppedRows} rows with missing cells left out)` : '');
  $('lr-kappa-raw').textContent = big(d.hessianRaw.condition);
  $('lr-kappa-scaled').textContent = big(d.hessianScaled.condition);
  const h = scaled ? d.hessianScaled : d.hessianRaw;
  $('lr-safe-lr').textContent = big(2 / h.largest);
  $('lr-credit').textContent = credit;
}

/** The columns whose boxes are ticked, in the order shown. */
export function checkedColumns(): string[] {
  return [...$('lr-features').querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((b) => b.checked).map((b) => b.dataset.column!);
}
