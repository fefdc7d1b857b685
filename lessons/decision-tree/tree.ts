// The fitted tree drawn as SVG: leaves spread evenly left to right, each inner node centred over its
// children. Nodes are buttons (click, or Tab + Enter); the chosen node's path from the root lights up.
import type { DecisionTreeResult } from '../../web/engine/protocol';
import { classColor } from '../../web/widgets/class-regions';
const SVG = 'http://www.w3.org/2000/svg';

interface Size {
  w: number;
  h: number;
  gapX: number;
  gapY: number;
  font: number;
  chars: number;
}
const NORMAL: Size = { w: 132, h: 54, gapX: 14, gapY: 40, font: 12, chars: 20 };
const COMPACT: Size = { w: 76, h: 40, gapX: 8, gapY: 30, font: 10, chars: 13 };

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

const clip = (text: string, chars: number) => (text.length > chars ? `${text.slice(0, chars - 1)}…` : text);

export class TreeView {
  private nodes: SVGGElement[] = [];
  private edges: (SVGGElement | null)[] = [];
  private parent: number[] = [];
  private x = new Float64Array(0);

  constructor(private readonly container: HTMLElement, private readonly onSelect: (id: number) => void) {}

  draw(r: DecisionTreeResult): void {
    const n = r.nodes;
    const count = n.feature.length;
    const k = r.classes.length;
    const leaves = n.feature.filter((f) => f < 0).length;
    // As large as fits the box, between the compact and the normal size (wider trees scroll).
    const per = (this.container.clientWidth || 800) / leaves;
    const size: Size =
      per >= NORMAL.w + NORMAL.gapX ? NORMAL
      : per >= 100 ? { ...NORMAL, w: Math.floor(per - NORMAL.gapX), chars: Math.floor((per - NORMAL.gapX) / 6.6) }
      : COMPACT;
    // x of each node: leaves in left-to-right order, inner nodes over the middle of their children.
    const x = new Float64Array(count);
    this.parent = new Array(count).fill(-1);
    let next = 0;
    const place = (id: number): number => {
      if (n.feature[id] < 0) return (x[id] = (next++ + 0.5) * (size.w + size.gapX));
      this.parent[n.left[id]] = id;
      this.parent[n.right[id]] = id;
      return (x[id] = (place(n.left[id]) + place(n.right[id])) / 2);
    };
    place(0);
    const width = Math.max(leaves * (size.w + size.gapX), size.w + size.gapX);
    const height = (r.depth + 1) * (size.h + size.gapY) - size.gapY + 8;
    const y = (id: number) => 4 + n.depth[id] * (size.h + size.gapY);
    const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, class: 'dt-tree-svg' });
    svg.style.fontSize = `${size.font}px`;
    const edgeLayer = el('g', {});
    const nodeLayer = el('g', {});
    svg.append(edgeLayer, nodeLayer);
    this.nodes = [];
    this.edges = new Array(count).fill(null);
    for (let id = 0; id < count; id++) {
      const values = n.values.subarray(id * k, id * k + k);
      const total = values.reduce((a, b) => a + b, 0);
      const leaf = n.feature[id] < 0;
      const g = el('g', { class: leaf ? 'dt-node dt-leaf' : 'dt-node', tabindex: 0, role: 'button', 'data-node': id });
      g.setAttribute('transform', `translate(${x[id] - size.w / 2}, ${y(id)})`);
      const predicted = r.classes[n.prediction[id]];
      const share = total > 0 ? values[n.prediction[id]] / total : 0;
      const question = leaf ? `→ ${predicted} ${(100 * share).toFixed(0)}%` : `${n.ruleLeft[id]}?`;
      g.setAttribute(
        'aria-label',
        `Node ${id}${leaf ? ', a leaf' : ''}: ${leaf ? `predicts ${predicted}` : `asks ${n.ruleLeft[id]}`}, ${n.samples[id]} training rows, ` +
          r.classes.map((c, i) => `${c} ${values[i]}`).join(', '),
      );
      g.append(el('rect', { class: 'dt-box', width: size.w, height: size.h, rx: 6 }));
      const title = el('title', {});
      title.textContent = leaf ? `${question} of ${n.samples[id]} rows` : `${n.ruleLeft[id]}? yes → left, no → right`;
      g.append(title);
      const line1 = el('text', { x: size.w / 2, y: size.font + 4, 'text-anchor': 'middle', class: 'dt-q' });
      line1.textContent = clip(question, size.chars);
      const line2 = el('text', { x: size.w / 2, y: 2 * size.font + 8, 'text-anchor': 'middle', class: 'dt-n' });
      line2.textContent = clip(`n=${n.samples[id]} · ${n.impurity[id].toFixed(3)}`, size.chars + 2);
      g.append(line1, line2);
      // The class mix as a stacked bar along the bottom.
      let offset = 4;
      const barWidth = size.w - 8;
      for (let c = 0; c < k; c++) {
        const w = total > 0 ? (barWidth * values[c]) / total : 0;
        if (w > 0) g.append(el('rect', { x: offset, y: size.h - 10, width: w, height: 6, fill: classColor(c) }));
        offset += w;
      }
      g.addEventListener('click', () => this.onSelect(id));
      g.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.onSelect(id);
        }
      });
      nodeLayer.append(g);
      this.nodes.push(g);
      if (!leaf) {
        for (const [child, label] of [[n.left[id], 'yes'], [n.right[id], 'no']] as const) {
          const edge = el('g', { class: 'dt-edge' });
          const x0 = x[id], y0 = y(id) + size.h, x1 = x[child], y1 = y(child);
          edge.append(el('path', { d: `M${x0},${y0} C${x0},${y0 + size.gapY / 2} ${x1},${y1 - size.gapY / 2} ${x1},${y1}` }));
          const text = el('text', { x: (x0 + x1) / 2 + (label === 'yes' ? -4 : 4), y: (y0 + y1) / 2 + 3, 'text-anchor': label === 'yes' ? 'end' : 'start' });
          text.textContent = label;
          edge.append(text);
          edgeLayer.append(edge);
          this.edges[child] = edge;
        }
      }
    }
    this.container.replaceChildren(svg);
    this.x = x;
    this.reveal(0);
  }

  /** Scrolls the box sideways so node `id` is in the middle. */
  private reveal(id: number): void {
    if (this.container.scrollWidth > this.container.clientWidth) {
      this.container.scrollLeft = Math.max(0, this.x[id] - this.container.clientWidth / 2);
    }
  }

  /** Marks node `id` and the path to it. */
  select(id: number): void {
    for (const g of this.nodes) g.classList.remove('on-path', 'selected');
    for (const e of this.edges) e?.classList.remove('on-path');
    if (!this.nodes[id]) return;
    this.nodes[id].classList.add('selected');
    this.reveal(id);
    for (let at = id; at >= 0; at = this.parent[at]) {
      this.nodes[at].classList.add('on-path');
      this.edges[at]?.classList.add('on-path');
    }
  }
}
