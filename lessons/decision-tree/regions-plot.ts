// decision-tree: the decision-region picture for two Iris features — the engine's grid of predicted
// classes painted as faint class colours (axis-parallel boxes, since every question is "feature ≤ t?"),
// with the training rows as dots and the held-out rows as rings on top.
import type { DecisionTreeResult } from '../../web/engine/protocol';
import { $ } from '../../web/site/dom';
import { drawAxes } from '../../web/widgets/canvas-axes';
import { classColor, regionArea } from '../../web/widgets/class-regions';

const PAD = { left: 48, right: 12, top: 10, bottom: 38 };
/** Opacity of the region colours (of 255), so the dots stay readable over them. */
const REGION_ALPHA = 70;

function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Draws the regions of `r` over the features named x and y; hides the panel when the engine sent no
 *  grid (only a tree on exactly two features has one). */
export function drawRegions(r: DecisionTreeResult, titles: { x: string; y: string }): void {
  const g = r.regions;
  $('dt-regions-panel').hidden = g === null;
  if (!g) return;
  const canvas = $<HTMLCanvasElement>('dt-regions');
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 400;
  const height = canvas.clientHeight || 300;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const area = regionArea(width, height, PAD, [g.x0, g.x1, g.y0, g.y1]);
  // The grid as an image: one pixel per cell, scaled up without smoothing.
  const image = new ImageData(g.size, g.size);
  for (let i = 0; i < g.classes.length; i++) {
    const rgb = hexRgb(classColor(g.classes[i]));
    image.data.set([rgb[0], rgb[1], rgb[2], REGION_ALPHA], 4 * i);
  }
  const cells = document.createElement('canvas');
  cells.width = cells.height = g.size;
  cells.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, area.left, area.top, area.w, area.h);
  drawAxes(ctx, area, height, { xTitle: titles.x, yTitle: titles.y, xSpacing: 70, ySpacing: 45, xTitleInset: 4, yTitleX: 12 });
  for (let i = 0; i < g.x.length; i++) {
    const color = classColor(g.labels[i]);
    ctx.beginPath();
    ctx.arc(area.px(g.x[i]), area.py(g.y[i]), 3.5, 0, 2 * Math.PI);
    if (g.isTrain[i]) {
      ctx.fillStyle = color;
      ctx.fill();
    } else {
      ctx.strokeStyle = color;
      ctx.lineWidth = 2;
      ctx.stroke();
    }
  }
  canvas.setAttribute('aria-label', `Decision regions of the tree over ${titles.x} and ${titles.y}, with ${g.x.length} points.`);
}
