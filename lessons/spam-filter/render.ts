// spam-filter: drawing what the engine computed — a text with each token coloured by its log ratio,
// the strongest pushes as bars, the score sum, the verdict, and word tables. No math here beyond
// mapping a log ratio to a colour.
import type { SpamClassification, SpamWord } from '../../web/engine/protocol';

/** |log ratio| at which a token's colour is fully saturated. */
const FULL = 4;

const signed = (v: number, digits = 2) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(digits)}`;
const percent = (v: number) => `${(100 * v).toFixed(1)}%`;

/** A probability as a percentage that never reads 100% or 0% unless it is. */
export function confidence(p: number): string {
  if (p >= 0.99995 && p < 1) return '> 99.99%';
  if (p <= 0.00005 && p > 0) return '< 0.01%';
  return `${(100 * p).toFixed(2)}%`;
}
/** "= 35.51%", or "> 99.99%" when rounding would claim certainty. */
const relation = (p: number) => (/^[<>]/.test(confidence(p)) ? confidence(p) : `= ${confidence(p)}`);

export function tokenColor(logRatio: number): string {
  const strength = Math.min(Math.abs(logRatio) / FULL, 1);
  const alpha = (0.12 + 0.6 * strength).toFixed(2);
  return logRatio >= 0 ? `rgba(220, 38, 38, ${alpha})` : `rgba(37, 99, 235, ${alpha})`;
}

/** The text, each token a span coloured by its push (grey dotted underline: never seen in training). */
export function renderPieces(target: HTMLElement, c: SpamClassification): void {
  const nodes: Node[] = [];
  c.pieces.forEach((piece, i) => {
    const t = c.pieceToken[i];
    if (t < 0) {
      nodes.push(document.createTextNode(piece));
      return;
    }
    const span = document.createElement('span');
    span.textContent = piece;
    if (c.tokenKnown[t]) {
      span.className = 'sf-token';
      span.style.backgroundColor = tokenColor(c.tokenLogRatio[t]);
      span.title = `${c.tokens[t]}: log ratio ${signed(c.tokenLogRatio[t])}`;
    } else {
      span.className = 'sf-token sf-unknown';
      span.title = `${c.tokens[t]}: never seen in training, skipped`;
    }
    nodes.push(span);
  });
  target.replaceChildren(...nodes);
}

/** The strongest pushes, as signed bars (count × log ratio). */
export function renderPushes(target: HTMLElement, c: SpamClassification): void {
  const top = Math.max(1e-9, ...c.words.map((w) => Math.abs(w.count * w.logRatio)));
  target.replaceChildren(
    ...c.words.map((w) => {
      const push = w.count * w.logRatio;
      const item = document.createElement('li');
      item.dataset.word = w.word;
      const name = document.createElement('span');
      name.className = 'sf-push-word';
      name.textContent = w.count > 1 ? `${w.word} ×${w.count}` : w.word;
      const bar = document.createElement('span');
      bar.className = `sf-push-bar ${push >= 0 ? 'sf-push-spam' : 'sf-push-ham'}`;
      bar.style.width = `${(45 * Math.abs(push)) / top}%`;
      const value = document.createElement('span');
      value.className = 'sf-push-value';
      value.textContent = signed(push);
      item.append(name, bar, value);
      item.setAttribute('aria-label', `${w.word}${w.count > 1 ? ` ${w.count} times` : ''}: ${signed(push)} towards ${push >= 0 ? 'spam' : 'ham'}`);
      return item;
    }),
  );
}

/** prior + Σ pushes = the score difference. */
export function renderScore(target: HTMLElement, c: SpamClassification): void {
  const prior = c.logPriorSpam - c.logPriorHam;
  const total = c.scoreSpam - c.scoreHam;
  const rest = c.distinctWords > c.words.length ? ` (${c.distinctWords} distinct words; ${c.words.length} shown)` : '';
  target.textContent =
    `log-odds = prior ${signed(prior)} + words ${signed(total - prior)} = ${signed(total)}${rest}. ` +
    `${c.knownTokens} tokens counted, ${c.unknownTokens} never seen in training.`;
}

export function renderVerdict(target: HTMLElement, c: SpamClassification, truth: 'spam' | 'ham' | null): void {
  const p = c.label === 'spam' ? c.pSpam : 1 - c.pSpam;
  const verdict = document.createElement('strong');
  verdict.className = c.label === 'spam' ? 'sf-spam' : 'sf-ham';
  verdict.textContent = c.label === 'spam' ? 'SPAM' : 'HAM';
  const parts: (Node | string)[] = ['Classification: ', verdict, ` (confidence ${confidence(p)}; P(spam) ${relation(c.pSpam)})`];
  if (truth) {
    const right = truth === c.label;
    const mark = document.createElement('span');
    mark.className = right ? 'sf-right' : 'sf-wrong';
    mark.textContent = right ? ` — right, it is ${truth}` : ` — wrong, it is ${truth}`;
    parts.push(mark);
  }
  target.replaceChildren(...parts);
  target.dataset.label = c.label;
}

export function renderWordTable(table: HTMLElement, words: SpamWord[]): void {
  const head = document.createElement('thead');
  head.innerHTML =
    '<tr><th scope="col">word</th><th scope="col">in spam</th><th scope="col">in ham</th>' +
    '<th scope="col">P(w | spam)</th><th scope="col">P(w | ham)</th><th scope="col">log ratio</th></tr>';
  const body = document.createElement('tbody');
  for (const w of words) {
    const row = document.createElement('tr');
    row.dataset.word = w.word;
    const cells = [w.word, percent(w.spamDocuments), percent(w.hamDocuments), Math.exp(w.logPSpam).toPrecision(3), Math.exp(w.logPHam).toPrecision(3), signed(w.logRatio)];
    cells.forEach((text, i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.setAttribute('scope', 'row');
      cell.textContent = text;
      if (i === 5) cell.style.backgroundColor = tokenColor(w.logRatio);
      row.append(cell);
    });
    body.append(row);
  }
  table.replaceChildren(head, body);
}
