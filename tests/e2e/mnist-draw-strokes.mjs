// Hand-designed stroke sequences for the mnist-draw browser test: the ten digits as people write them,
// in several styles each (1 with and without flag or base, 7 with and without bar, 4 open and closed,
// 5 in one stroke or two, …), then placed on the canvas small or large, off-centre, rotated or slanted,
// with a thin or thick brush. A digit is a list of strokes; a stroke a list of [x, y] points in a box
// one unit high (x about −0.35…0.35, y from −0.5 at the top to 0.5 at the bottom).

const rad = (degrees) => (degrees * Math.PI) / 180;

/** Points along an ellipse arc from angle a0 to a1 (degrees; 0 = right, 90 = down). */
function arc(cx, cy, rx, ry, a0, a1, n = 24) {
  const points = [];
  for (let i = 0; i <= n; i++) {
    const t = rad(a0 + ((a1 - a0) * i) / n);
    points.push([cx + rx * Math.cos(t), cy + ry * Math.sin(t)]);
  }
  return points;
}

const join = (...parts) => parts.flat();

/** Templates: name → strokes. */
export const TEMPLATES = {
  '0-oval': [arc(0, 0, 0.3, 0.5, -90, 275)],
  '0-ccw': [arc(0, 0, 0.27, 0.48, -80, -440)],
  '1-stick': [[[0, -0.5], [0, 0.5]]],
  '1-flag': [[[-0.17, -0.3], [0, -0.5], [0, 0.5]]],
  '1-serif': [[[-0.17, -0.32], [0, -0.5], [0, 0.5]], [[-0.17, 0.5], [0.17, 0.5]]],
  '2-plain': [join(arc(0, -0.22, 0.27, 0.27, 195, 375), [[-0.3, 0.5], [0.32, 0.5]])],
  '2-curvy': [join(arc(0, -0.24, 0.26, 0.26, 200, 380), [[0.15, 0.02], [-0.1, 0.3], [-0.3, 0.5]], [[-0.1, 0.46], [0.1, 0.47], [0.32, 0.42]])],
  '3-round': [join(arc(0, -0.25, 0.25, 0.25, 210, 450), arc(0, 0.25, 0.28, 0.25, -90, 150))],
  '3-flat-top': [join([[-0.25, -0.5], [0.25, -0.5], [-0.05, -0.05]], arc(0, 0.22, 0.28, 0.28, -100, 150))],
  '4-closed': [[[0.12, -0.5], [-0.3, 0.18], [0.32, 0.18]], [[0.14, -0.25], [0.14, 0.5]]],
  '4-open': [[[-0.22, -0.5], [-0.28, 0.1], [0.3, 0.1]], [[0.16, -0.5], [0.16, 0.5]]],
  '5-two-strokes': [join([[-0.2, -0.5], [-0.23, -0.05]], arc(0, 0.2, 0.27, 0.28, -125, 150)), [[-0.2, -0.5], [0.26, -0.5]]],
  '5-one-stroke': [join([[0.26, -0.5], [-0.2, -0.5], [-0.23, -0.05]], arc(0, 0.2, 0.27, 0.28, -125, 150))],
  '6-loop': [join([[0.2, -0.5], [-0.05, -0.3], [-0.22, -0.05]], arc(0, 0.24, 0.25, 0.26, 180, -175))],
  '6-curl': [join(arc(0.15, 0.05, 0.4, 0.55, -100, -185, 10), arc(0, 0.25, 0.24, 0.25, 175, -180))],
  '7-plain': [[[-0.3, -0.5], [0.3, -0.5], [-0.05, 0.5]]],
  '7-bar': [[[-0.3, -0.5], [0.3, -0.5], [-0.05, 0.5]], [[-0.08, 0], [0.25, 0]]],
  '7-hook': [[[-0.3, -0.4], [-0.25, -0.5], [0.3, -0.5], [0.1, -0.1], [0, 0.5]]],
  '8-one-stroke': [Array.from({ length: 49 }, (_, i) => {
    const t = (2 * Math.PI * i) / 48;
    return [0.26 * Math.sin(2 * t) * (t > Math.PI / 2 && t < (3 * Math.PI) / 2 ? 1.15 : 0.9), -0.5 * Math.cos(t)];
  })],
  '8-two-loops': [arc(0, -0.26, 0.2, 0.24, 90, 450), arc(0, 0.24, 0.26, 0.26, -90, 270)],
  '9-straight': [join(arc(0, -0.24, 0.24, 0.26, 0, -360), [[0.24, 0.5]])],
  '9-curved': [join(arc(0, -0.24, 0.25, 0.25, 10, -350), [[0.22, 0.1], [0.12, 0.4], [-0.05, 0.5]])],
};

/** One placed digit: template, true label, centre (canvas fractions), height, rotation, slant, brush. */
export const DRAWINGS = [
  { t: '0-oval', cx: 0.5, cy: 0.5, h: 0.7 },
  { t: '0-ccw', cx: 0.35, cy: 0.4, h: 0.4, brush: 'thick' },
  { t: '0-oval', cx: 0.6, cy: 0.55, h: 0.8, slant: 0.25, brush: 'thin' },
  { t: '1-stick', cx: 0.5, cy: 0.5, h: 0.7 },
  { t: '1-flag', cx: 0.7, cy: 0.35, h: 0.45, rotate: 8 },
  { t: '1-serif', cx: 0.5, cy: 0.5, h: 0.75, brush: 'thick' },
  { t: '1-stick', cx: 0.3, cy: 0.6, h: 0.5, rotate: -8, brush: 'thin' },
  { t: '2-plain', cx: 0.5, cy: 0.5, h: 0.7 },
  { t: '2-curvy', cx: 0.4, cy: 0.6, h: 0.5, brush: 'thick' },
  { t: '2-plain', cx: 0.55, cy: 0.45, h: 0.85, slant: 0.2, brush: 'thin' },
  { t: '3-round', cx: 0.5, cy: 0.5, h: 0.75 },
  { t: '3-flat-top', cx: 0.62, cy: 0.4, h: 0.5, rotate: 7 },
  { t: '3-round', cx: 0.35, cy: 0.6, h: 0.4, brush: 'thick' },
  { t: '4-closed', cx: 0.5, cy: 0.5, h: 0.7 },
  { t: '4-open', cx: 0.45, cy: 0.5, h: 0.8, brush: 'thin' },
  { t: '4-open', cx: 0.65, cy: 0.35, h: 0.45, slant: 0.2, brush: 'thick' },
  { t: '4-closed', cx: 0.35, cy: 0.6, h: 0.5, rotate: -8 },
  { t: '5-two-strokes', cx: 0.5, cy: 0.5, h: 0.7 },
  { t: '5-one-stroke', cx: 0.4, cy: 0.45, h: 0.5, brush: 'thick' },
  { t: '5-two-strokes', cx: 0.6, cy: 0.55, h: 0.8, slant: 0.15, brush: 'thin' },
  { t: '6-loop', cx: 0.5, cy: 0.5, h: 0.75 },
  { t: '6-curl', cx: 0.4, cy: 0.55, h: 0.55, brush: 'thick' },
  { t: '6-loop', cx: 0.62, cy: 0.4, h: 0.45, rotate: 10, brush: 'thin' },
  { t: '7-plain', cx: 0.5, cy: 0.5, h: 0.7 },
  { t: '7-bar', cx: 0.5, cy: 0.5, h: 0.75, brush: 'thick' },
  { t: '7-hook', cx: 0.35, cy: 0.4, h: 0.45 },
  { t: '7-plain', cx: 0.6, cy: 0.6, h: 0.55, rotate: -8, brush: 'thin' },
  { t: '8-one-stroke', cx: 0.5, cy: 0.5, h: 0.75 },
  { t: '8-two-loops', cx: 0.4, cy: 0.45, h: 0.5, brush: 'thick' },
  { t: '8-two-loops', cx: 0.6, cy: 0.55, h: 0.8, slant: 0.15, brush: 'thin' },
  { t: '9-straight', cx: 0.5, cy: 0.5, h: 0.75 },
  { t: '9-curved', cx: 0.4, cy: 0.55, h: 0.55, brush: 'thick' },
  { t: '9-straight', cx: 0.65, cy: 0.4, h: 0.45, rotate: 8, slant: 0.15 },
  { t: '9-curved', cx: 0.5, cy: 0.5, h: 0.85, brush: 'thin' },
].map((d) => ({ ...d, label: Number(d.t[0]), brush: d.brush ?? 'medium' }));

/** The strokes of a placed drawing, in canvas fractions [0, 1]². */
export function placeStrokes({ t, cx, cy, h, rotate = 0, slant = 0 }) {
  const c = Math.cos(rad(rotate));
  const s = Math.sin(rad(rotate));
  return TEMPLATES[t].map((stroke) =>
    stroke.map(([x, y]) => {
      const xs = x - slant * y; // slant: the top leans right
      const xr = c * xs - s * y;
      const yr = s * xs + c * y;
      return [cx + h * xr, cy + h * yr];
    }),
  );
}

export const describeDrawing = (d) =>
  `${d.t} (h ${d.h}${d.rotate ? `, rotated ${d.rotate}°` : ''}${d.slant ? `, slant ${d.slant}` : ''}, ${d.brush} brush, at ${d.cx},${d.cy})`;
