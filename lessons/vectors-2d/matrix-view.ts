// Shows a 3×3 matrix (9 numbers, row by row, from the engine) as a bracketed grid of cells.
import { formatFixed3 } from '../../web/widgets/decimal-field';

/** Fills `element` with the matrix; each cell carries data-entry="row·3+col" for tests and styling. */
export function showMatrix(element: HTMLElement, entries: ArrayLike<number>, label: string): void {
  const cells: HTMLElement[] = [];
  for (let k = 0; k < 9; k++) {
    const cell = document.createElement('span');
    cell.dataset.entry = String(k);
    cell.textContent = formatFixed3(entries[k]);
    if (k >= 6) cell.classList.add('v2d-fixed'); // the homogeneous row (0, 0, 1)
    cells.push(cell);
  }
  element.replaceChildren(...cells);
  const rows = [0, 1, 2].map((r) => [0, 1, 2].map((c) => formatFixed3(entries[3 * r + c])).join(', '));
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', `${label}: rows ${rows.join('; ')}`);
}
