// Parametric curves on a canvas (ROC, precision–recall, calibration, polynomial fits): lines that may
// turn back in x, which a time-series chart cannot draw, plus dots; axes from web/widgets/canvas-axes.
import { drawAxes } from '../../web/widgets/canvas-axes';

export interface Curve {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  color: string;
  dash?: number[];
  width?: number;
}

export interface Dot {
  x: number;
  y: number;
  color: string;
  /** Radius in CSS pixels. */
  r?: number;
  /** Drawn as a ring instead of a filled dot. */
  ring?: boolean;
}

export interface CurvePlotSpec {
  xTitle: string;
  yTitle: string;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  curves: Curve[];
  dots?: Dot[];
}

export function drawCurves(canvas: HTMLCanvasElement, spec: CurvePlotSpec): void {
  const dpr = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 300;
  const height = canvas.clientHeight || 300;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const g = canvas.getContext('2d')!;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  const area = { left: 46, top: 8, w: width - 56, h: height - 46, x0: spec.x0, x1: spec.x1, y0: spec.y0, y1: spec.y1 };
  drawAxes(g, area, height, { xTitle: spec.xTitle, yTitle: spec.yTitle, xSpacing: 60, ySpacing: 40, xTitleInset: 4, yTitleX: 11 });
  const px = (v: number) => area.left + ((v - area.x0) / (area.x1 - area.x0)) * area.w;
  const py = (v: number) => area.top + (1 - (v - area.y0) / (area.y1 - area.y0)) * area.h;
  g.save();
  g.beginPath();
  g.rect(area.left, area.top, area.w, area.h);
  g.clip();
  for (const c of spec.curves) {
    g.strokeStyle = c.color;
    g.lineWidth = c.width ?? 2;
    g.setLineDash(c.dash ?? []);
    g.beginPath();
    let open = false;
    for (let i = 0; i < c.x.length; i++) {
      const x = c.x[i], y = c.y[i];
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        open = false;
        continue;
      }
      if (open) g.lineTo(px(x), py(y));
      else g.moveTo(px(x), py(y));
      open = true;
    }
    g.stroke();
  }
  g.setLineDash([]);
  for (const d of spec.dots ?? []) {
    g.beginPath();
    g.arc(px(d.x), py(d.y), d.r ?? 4, 0, 2 * Math.PI);
    if (d.ring) {
      g.strokeStyle = d.color;
      g.lineWidth = 2;
      g.stroke();
    } else {
      g.fillStyle = d.color;
      g.fill();
    }
  }
  g.restore();
}
