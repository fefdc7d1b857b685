// The selected token, explained: the next-token bars of the position that chose it and the attention
// heat map of the positions up to there. Rows the sampling run sent are reused; the others (the
// prompt's) are computed by minigpt.inspect once sampling has stopped.
import type { MinigptSlot, MinigptTopTokens } from '../../web/engine/protocol';
import { type AttentionHeatmap, type AttentionRow, START, weightOf } from './heatmap';
import { OutputView } from './output-view';
import type { GptSession } from './session';
import { type ProbabilityBars, percent, quoted } from './views';

export type Row = AttentionRow & { top: MinigptTopTokens };

/** One generation: the sequence the model saw and what each position computed. */
export interface Run {
  slot: MinigptSlot;
  /** The sequence the model sees: kept prompt ids, then the sampled ones. */
  ids: number[];
  tokens: string[];
  promptLength: number;
  /** Attention and next-token distribution of each query position, by sequence index. */
  rows: Map<number, Row>;
  temperature: number;
}

export interface InspectorParts {
  session: GptSession;
  output: OutputView;
  bars: ProbabilityBars;
  heatmap: AttentionHeatmap;
  selectedLine: HTMLElement;
  summary: HTMLElement;
  /** The run shown, if any. */
  run(): Run | null;
  /** True while sampling (no inspect calls then: they would slow the stream). */
  busy(): boolean;
  /** The chosen layer and head, 1-based. */
  layerHead(): { layer: number; head: number };
}

const say = (element: HTMLElement, text: string, kind: 'info' | 'error' = 'info') => {
  element.textContent = text;
  element.dataset.state = kind;
};

function probabilityOf(top: MinigptTopTokens, id: number): number | undefined {
  for (let i = 0; i < top.ids.length; i++) if (top.ids[i] === id) return top.probs[i];
  return undefined;
}

export class TokenInspector {
  private version = 0;

  constructor(private readonly parts: InspectorParts) {}

  /** Shows what produced the token at sequence index `position`. */
  async show(position: number): Promise<void> {
    const { output, bars, heatmap, selectedLine, summary } = this.parts;
    const current = this.parts.run();
    const token = output.at(position);
    if (!current || !token) return;
    const version = ++this.version;
    const query = position - 1; // the position whose prediction this token was
    try {
      const row = await this.rowAt(current, query);
      if (version !== this.version || this.parts.run() !== current) return;
      const what = OutputView.describe(token);
      if (!row) {
        bars.clear();
        heatmap.clear();
        summary.textContent = '';
        say(selectedLine, query < 0 || position === 0
          ? `${what}: the first token of the window. The model reads it but never predicted it.`
          : `${what}: its numbers appear once sampling stops.`);
        return;
      }
      const prob = probabilityOf(row.top, token.id) ?? token.prob ?? null;
      bars.show(row.top, token.id, token.token, token.prob ?? null);
      say(selectedLine, `${what}: ${prob === null ? 'not among the ten most likely tokens' : `the model gave it ${percent(prob)}`}.`);
      await this.drawAttention(current, query, version);
    } catch (error) {
      if (version === this.version) say(selectedLine, `Could not inspect that token: ${(error as Error).message}`, 'error');
    }
  }

  /** The row of a query position: from the sampling run, or computed now by minigpt.inspect. */
  private async rowAt(current: Run, query: number): Promise<Row | undefined> {
    const known = current.rows.get(query);
    if (known || query < 0 || this.parts.busy()) return known;
    const result = await this.parts.session.call('minigpt.inspect', {
      slot: current.slot,
      ids: Int32Array.from(current.ids),
      position: query,
      temperature: current.temperature,
    });
    if (!result.ok) throw new Error(result.message);
    const row = { attention: result.attention, windowStart: result.windowStart, windowLength: result.windowLength, layers: result.layers, heads: result.heads, top: result.top };
    current.rows.set(query, row);
    return row;
  }

  /** Heat map of the query rows that end at `query`, over the tokens they may see (start token first). */
  private async drawAttention(current: Run, query: number, version: number): Promise<void> {
    const { heatmap, summary } = this.parts;
    const { columns, rows: rowCount } = heatmap.capacity();
    const firstQuery = Math.max(current.rows.has(START) ? START : 0, query - rowCount + 1);
    const queries: number[] = [];
    for (let q = firstQuery; q <= query; q++) queries.push(q);
    for (const q of queries) await this.rowAt(current, q);
    if (version !== this.version) return;
    const last = current.rows.get(query)!;
    const firstKey = Math.max(last.windowStart, query - (columns - 1) + 1, 0);
    const keys = [START];
    for (let k = firstKey; k <= query; k++) keys.push(k);
    const chosen = this.parts.layerHead();
    const layer = chosen.layer - 1;
    const head = chosen.head - 1;
    const tokenAt = (p: number) => (p === START ? '⟨start⟩' : current.tokens[p] ?? '');
    heatmap.draw({ layer, head, queries, keys, tokenAt, rowAt: (p) => current.rows.get(p) });
    // In words, for screen readers and for reading exact numbers: the three keys with the most weight.
    const weights = [START, ...Array.from({ length: query - last.windowStart + 1 }, (_, i) => last.windowStart + i)]
      .map((key) => ({ key, w: weightOf(last, layer, head, key) ?? 0 }))
      .sort((a, b) => b.w - a.w)
      .slice(0, 3);
    summary.textContent = `Layer ${chosen.layer}, head ${chosen.head}, at ${quoted(tokenAt(query))}: most weight on ` +
      weights.map(({ key, w }) => `${quoted(tokenAt(key))}${key === START ? '' : ` (position ${key})`} ${percent(w)}`).join(', ') + '.';
  }
}
