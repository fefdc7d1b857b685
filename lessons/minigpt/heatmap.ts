// The attention heat map: rows are query positions (the newest, the one that chose the selected token,
// at the bottom), columns the tokens they may look at, each cell one attention weight of the chosen
// layer and head. The engine computes the weights; this only paints them.
import { percent, visible } from './views';

/** One position's attention, as the engine sends it: layers × heads × windowLength, row by row. */
export interface AttentionRow {
  attention: Float32Array;
  windowStart: number;
  windowLength: number;
  layers: number;
  heads: number;
}

export interface HeatmapInput {
  layer: number; // 0-based
  head: number; // 0-based
  /** Query positions, top to bottom; the last is highlighted. */
  queries: number[];
  /** Key positions, left to right: START, then consecutive sequence indices (a gap may follow START). */
  keys: number[];
  tokenAt(position: number): string;
  rowAt(position: number): AttentionRow | undefined;
}

const FONT = '11px ui-monospace, monospace';
const INK = [30, 58, 138]; // #1e3a8a at weight 1
const MASKED = '#eef2f7';

/** Sequence index of the start token that begins every window (the prompt's first token is 0). */
export const START = -1;

/** The weight of key `key` (a sequence index, or START) in `row` for one layer and head, or null when
 *  the key is outside the row's window. A window is the start token, then the sequence from
 *  windowStart on: entry 0 is the start token, entry j ≥ 1 is index windowStart + j − 1. */
export function weightOf(row: AttentionRow, layer: number, head: number, key: number): number | null {
  const j = key === START ? 0 : key - row.windowStart + 1;
  if (j < 0 || j >= row.windowLength || (key !== START && j === 0) || layer >= row.layers || head >= row.heads) return null;
  return row.attention[(layer * row.heads + head) * row.windowLength + j];
}

export class AttentionHeatmap {
  private readonly context: CanvasRenderingContext2D;
  private last: HeatmapInput | null = null;

  constructor(private readonly canvas: HTMLCanvasElement) {
    this.context = canvas.getContext('2d')!;
    new ResizeObserver(() => this.last && this.draw(this.last)).observe(canvas);
    this.clear();
  }

  /** How many key columns and query rows fit the canvas's current width. */
  capacity(): { columns: number; rows: number } {
    const width = this.canvas.clientWidth || 320;
    const columns = Math.max(6, Math.min(40, Math.floor((width - this.labelWidth(width)) / 13)));
    return { columns, rows: Math.min(12, columns) };
  }

  clear(): void {
    this.last = null;
    const width = this.canvas.clientWidth || 320;
    this.size(width, 60);
    const g = this.context;
    g.fillStyle = '#64748b';
    g.font = '13px system-ui, sans-serif';
    g.textAlign = 'left';
    g.fillText('Select a token to see its attention.', 8, 34);
  }

  draw(input: HeatmapInput): void {
    this.last = input;
    const width = this.canvas.clientWidth || 320;
    const labelWidth = this.labelWidth(width);
    const cell = Math.max(4, Math.min(24, (width - labelWidth - 6) / Math.max(1, input.keys.length)));
    const showColumnLabels = cell >= 11;
    const columnLabelHeight = showColumnLabels ? 58 : 8;
    const top = 4;
    const legendHeight = 22;
    const height = top + input.queries.length * cell + columnLabelHeight + legendHeight;
    this.size(width, height);
    const g = this.context;
    const left = labelWidth + 4;
    const column = new Map(input.keys.map((key, i) => [key, i]));
    const x = (key: number) => left + (column.get(key) ?? 0) * cell;
    const y = (row: number) => top + row * cell;

    // Colours run from 0 to the largest weight shown, so a head that spreads its attention thinly
    // still shows its pattern; the legend says what the darkest blue means.
    let largest = 0;
    for (const query of input.queries) {
      const row = input.rowAt(query);
      if (!row) continue;
      for (const key of input.keys) if (key <= query) largest = Math.max(largest, weightOf(row, input.layer, input.head, key) ?? 0);
    }
    const scale = largest > 0 ? 1 / largest : 1;

    g.font = FONT;
    g.textBaseline = 'middle';
    input.queries.forEach((query, r) => {
      g.fillStyle = r === input.queries.length - 1 ? '#1d4ed8' : '#334155';
      g.textAlign = 'right';
      g.fillText(this.fit(visible(input.tokenAt(query)), labelWidth - 4), labelWidth, y(r) + cell / 2);
      const row = input.rowAt(query);
      for (const key of input.keys) {
        if (key > query) {
          g.fillStyle = MASKED;
        } else if (!row) {
          g.fillStyle = '#f8fafc';
        } else {
          const w = weightOf(row, input.layer, input.head, key);
          g.fillStyle = w === null ? '#f8fafc' : shade(w * scale);
        }
        g.fillRect(x(key) + 0.5, y(r) + 0.5, cell - 1, cell - 1);
      }
      if (!row) {
        g.fillStyle = '#94a3b8';
        g.textAlign = 'left';
        g.fillText('…', x(input.keys[0]) + 4, y(r) + cell / 2);
      }
    });
    // A gap between the start token and the first key shown: a dashed divider.
    if (input.keys.length > 1 && input.keys[0] === START && input.keys[1] > 0) {
      g.strokeStyle = '#64748b';
      g.lineWidth = 1;
      g.setLineDash([3, 3]);
      g.beginPath(), g.moveTo(x(input.keys[1]), top), g.lineTo(x(input.keys[1]), y(input.queries.length)), g.stroke();
      g.setLineDash([]);
    }
    // Outline the selected (bottom) row.
    const bottom = input.queries.length - 1;
    if (bottom >= 0) {
      g.strokeStyle = '#2563eb';
      g.lineWidth = 2;
      g.strokeRect(left - 1, y(bottom) - 1, input.keys.length * cell + 2, cell + 2);
    }
    this.drawLegend(left, y(input.queries.length) + columnLabelHeight + 6, largest);
    g.font = FONT;
    if (showColumnLabels) {
      g.fillStyle = '#334155';
      g.textAlign = 'right';
      for (const key of input.keys) {
        g.save();
        g.translate(x(key) + cell / 2, y(input.queries.length) + 4);
        g.rotate(-Math.PI / 2.6);
        g.fillText(this.fit(visible(input.tokenAt(key)), columnLabelHeight + 10), 0, 0);
        g.restore();
      }
    }
  }

  /** The colour scale under the map: weight 0 to the largest weight shown. */
  private drawLegend(left: number, y: number, largest: number): void {
    const g = this.context;
    const w = 120;
    for (let i = 0; i < w; i++) {
      g.fillStyle = shade(i / (w - 1));
      g.fillRect(left + 34 + i, y, 1, 10);
    }
    g.strokeStyle = '#cbd5e1';
    g.lineWidth = 1;
    g.strokeRect(left + 34.5, y + 0.5, w - 1, 9);
    g.fillStyle = '#475569';
    g.font = '11px system-ui, sans-serif';
    g.textBaseline = 'middle';
    g.textAlign = 'right';
    g.fillText('weight 0', left + 30, y + 5);
    g.textAlign = 'left';
    g.fillText(largest > 0 ? percent(largest) : '1', left + 38 + w, y + 5);
  }

  private labelWidth(width: number): number {
    return Math.round(Math.min(96, Math.max(56, width * 0.2)));
  }

  private size(width: number, height: number): void {
    const ratio = window.devicePixelRatio || 1;
    this.canvas.style.height = `${Math.round(height)}px`;
    const w = Math.round(width * ratio);
    const h = Math.round(height * ratio);
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    this.context.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.context.clearRect(0, 0, width, height);
  }

  /** Shortens a label with … to fit `room` pixels. */
  private fit(text: string, room: number): string {
    const g = this.context;
    if (g.measureText(text).width <= room) return text;
    let cut = text;
    while (cut.length > 1 && g.measureText(`${cut}…`).width > room) cut = cut.slice(0, -1);
    return `${cut}…`;
  }
}

/** White at 0 to deep blue at 1 (a weight over the largest shown); the square root lifts small ones into view. */
function shade(weight: number): string {
  const t = Math.sqrt(Math.max(0, Math.min(1, weight)));
  const [r, g, b] = INK.map((c) => Math.round(255 + (c - 255) * t));
  return `rgb(${r}, ${g}, ${b})`;
}
