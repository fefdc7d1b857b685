// Small views of the minigpt page: a token written so its spaces and newlines show, the prompt's
// token chips, and the top-10 next-token bars.
import type { MinigptTopTokens } from '../../web/engine/protocol';

/** A token's text with its whitespace made visible: · for a space, ⏎ for a newline, → for a tab. */
export function visible(token: string): string {
  if (token === '') return '∅';
  return token.replace(/ /g, '·').replace(/\n/g, '⏎').replace(/\r/g, '␍').replace(/\t/g, '→');
}

/** A token quoted for prose and screen readers: “ the”, with spaces named when that is all it is. */
export function quoted(token: string): string {
  if (token === ' ') return 'a space';
  if (token === '\n') return 'a line break';
  if (token === '\n\n') return 'a blank line';
  return `“${token.replace(/\n/g, '⏎')}”`;
}

/** A probability as a percentage with sensible digits: 41.2%, 3.07%, 0.042%, < 0.001%. */
export function percent(p: number): string {
  const v = 100 * p;
  if (v >= 10) return `${v.toFixed(1)}%`;
  if (v >= 1) return `${v.toFixed(2)}%`;
  if (v >= 0.001) return `${Number(v.toPrecision(2))}%`;
  return '< 0.001%';
}

/** The prompt's tokens as chips; the ones the context window drops are struck through. */
export function showChips(list: HTMLElement, tokens: string[], ids: Int32Array, dropped: number): void {
  const items = tokens.map((token, i) => {
    const item = document.createElement('li');
    item.textContent = visible(token);
    const id = document.createElement('small');
    id.textContent = String(ids[i]);
    item.append(id);
    item.title = `token id ${ids[i]}${i < dropped ? ' (dropped: outside the context window)' : ''}`;
    if (i < dropped) item.classList.add('gpt-dropped');
    return item;
  });
  list.replaceChildren(...items);
}

/** The ten most probable next tokens as horizontal bars, the token that really came next marked. */
export class ProbabilityBars {
  constructor(private readonly list: HTMLElement) {}

  clear(): void {
    this.list.replaceChildren();
  }

  show(top: MinigptTopTokens, chosenId: number | null, chosenToken: string, chosenProb: number | null): void {
    const rows: HTMLElement[] = [];
    let chosenShown = false;
    for (let i = 0; i < top.tokens.length; i++) {
      const chosen = top.ids[i] === chosenId;
      chosenShown ||= chosen;
      rows.push(this.row(top.tokens[i], top.ids[i], top.probs[i], chosen));
    }
    if (chosenId !== null && !chosenShown && chosenProb !== null) {
      const row = this.row(chosenToken, chosenId, chosenProb, true);
      row.classList.add('gpt-outside');
      row.setAttribute('aria-label', `${quoted(chosenToken)}, the token that came next, ${percent(chosenProb)}: not in the top ten`);
      rows.push(row);
    }
    this.list.replaceChildren(...rows);
  }

  private row(token: string, id: number, prob: number, chosen: boolean): HTMLElement {
    const item = document.createElement('li');
    item.dataset.id = String(id);
    if (chosen) item.classList.add('gpt-chosen');
    const label = document.createElement('span');
    label.className = 'gpt-prob-token';
    label.textContent = visible(token);
    label.title = `token id ${id}`;
    const track = document.createElement('span');
    track.className = 'gpt-prob-track';
    const bar = document.createElement('span');
    bar.className = 'gpt-prob-bar';
    bar.style.width = `${Math.max(0, Math.min(1, prob)) * 100}%`;
    track.append(bar);
    const value = document.createElement('span');
    value.className = 'gpt-prob-value';
    value.textContent = percent(prob);
    item.append(label, track, value);
    item.setAttribute('aria-label', `${quoted(token)}${chosen ? ' (the token that came next)' : ''}: ${percent(prob)}`);
    return item;
  }
}
