// The generated text: one span per token (prompt tokens in bold, sampled ones as they stream in), each
// clickable, its boundary shown on hover and when selected. With the text focused, ← → step through
// the tokens and Home / End jump to the first and the last.
import { percent, quoted } from './views';

export interface ShownToken {
  /** Index in the sequence the model sees (prompt tokens used as context, then the sampled ones). */
  position: number;
  id: number;
  /** The token's own bytes as text (U+FFFD for part of a character). */
  token: string;
  /** What it adds to the text (partial characters are held back until complete). */
  text: string;
  kind: 'prompt' | 'sampled';
  /** Probability the model gave it when it was sampled. */
  prob?: number;
}

export class OutputView {
  private spans: HTMLSpanElement[] = [];
  private tokens: ShownToken[] = [];
  private current = -1;
  private pending = document.createDocumentFragment();

  constructor(private readonly container: HTMLElement, private readonly onSelect: (token: ShownToken) => void) {
    container.addEventListener('click', (event) => {
      const span = (event.target as HTMLElement).closest<HTMLSpanElement>('.gpt-tok[data-position]');
      if (span) this.pick(Number(span.dataset.position));
    });
    container.addEventListener('keydown', (event) => {
      if (this.tokens.length === 0) return;
      const first = this.tokens[0].position;
      const last = this.tokens[this.tokens.length - 1].position;
      const at = this.current < 0 ? last : this.current;
      let next: number | null = null;
      if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = Math.max(first, at - 1);
      else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = Math.min(last, at + 1);
      else if (event.key === 'Home') next = first;
      else if (event.key === 'End') next = last;
      if (next === null) return;
      event.preventDefault();
      this.pick(next);
    });
  }

  /** Empties the view; `cut` > 0 starts it with a note that the prompt's first tokens were dropped. */
  reset(cut: number): void {
    this.spans = [];
    this.tokens = [];
    this.current = -1;
    this.pending = document.createDocumentFragment();
    this.container.replaceChildren();
    if (cut > 0) {
      const note = document.createElement('span');
      note.className = 'gpt-tok';
      note.dataset.kind = 'cut';
      note.textContent = `[… ${cut.toLocaleString('en-US')} token${cut === 1 ? '' : 's'} cut] `;
      this.container.append(note);
    }
  }

  add(token: ShownToken): void {
    const span = document.createElement('span');
    span.className = 'gpt-tok';
    if (this.tokens.length % 2 === 1) span.classList.add('gpt-odd');
    span.dataset.kind = token.kind;
    span.dataset.position = String(token.position);
    span.dataset.id = String(token.id);
    span.textContent = token.text;
    span.title = `token ${token.position}: id ${token.id}${token.prob === undefined ? '' : `, p = ${percent(token.prob)}`}`;
    this.pending.append(span);
    this.spans.push(span);
    this.tokens.push(token);
  }

  /** Puts the tokens added since the last flush on the page (once per frame while streaming, so the
   *  layout is not recomputed for every token), keeping the view scrolled to the end if it was there. */
  flush(): void {
    if (!this.pending.hasChildNodes()) return;
    const atBottom = this.container.scrollTop + this.container.clientHeight >= this.container.scrollHeight - 4;
    this.container.append(this.pending);
    if (atBottom) this.container.scrollTop = this.container.scrollHeight;
  }

  /** The token at a sequence position, if shown. */
  at(position: number): ShownToken | undefined {
    const index = this.indexOf(position);
    return index < 0 ? undefined : this.tokens[index];
  }

  all(): readonly ShownToken[] {
    return this.tokens;
  }

  selected(): number {
    return this.current;
  }

  /** Marks a token as selected without calling onSelect (the newest one while streaming). */
  mark(position: number, scroll = false): void {
    const old = this.indexOf(this.current);
    if (old >= 0) {
      this.spans[old].classList.remove('gpt-current');
      this.spans[old].removeAttribute('aria-current');
    }
    this.current = position;
    const index = this.indexOf(position);
    if (index < 0) return;
    const span = this.spans[index];
    span.classList.add('gpt-current');
    span.setAttribute('aria-current', 'true');
    if (scroll) span.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** Describes a token for the selection line and screen readers. */
  static describe(token: ShownToken): string {
    const what = token.kind === 'prompt' ? 'prompt token' : 'sampled token';
    return `${what} ${quoted(token.token)} (id ${token.id}, position ${token.position})`;
  }

  private pick(position: number): void {
    const token = this.at(position);
    if (!token) return;
    this.mark(position, true);
    this.onSelect(token);
  }

  private indexOf(position: number): number {
    if (this.tokens.length === 0) return -1;
    const index = position - this.tokens[0].position;
    return index >= 0 && index < this.tokens.length ? index : -1;
  }
}
