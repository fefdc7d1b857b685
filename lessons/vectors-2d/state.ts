// The lesson's state in the URL hash: the scene's shapes (kind, angle, scale, position), which one is
// selected, the two orders compared side by side, and the Asteroids seed.
import { HashState, choiceField, intField, type Field } from '../../web/site/hash-state';
import { formatFixed3 } from '../../web/widgets/decimal-field';

export const SHAPES = ['triangle', 'square', 'arrow', 'house', 'star', 'ship'] as const;
export type ShapeKind = (typeof SHAPES)[number];
export const ORDERS = ['srt', 'str', 'rst', 'rts', 'tsr', 'trs'] as const;
export type Order = (typeof ORDERS)[number];
export const MAX_SHAPES = 8;

/** Allowed ranges, shared by the inputs, the keyboard and the link. */
export const LIMITS = {
  rotate: [-360, 360],
  scale: [-5, 5],
  translate: [-10, 10],
} as const;

export interface SceneShape {
  shape: ShapeKind;
  rotate: number;
  scaleX: number;
  scaleY: number;
  translateX: number;
  translateY: number;
}

export const DEFAULT_SHAPES: SceneShape[] = [
  { shape: 'house', rotate: 45, scaleX: 1.2, scaleY: 1.2, translateX: 3, translateY: 0 },
  { shape: 'triangle', rotate: 0, scaleX: 1, scaleY: 1, translateX: -3.5, translateY: -2 },
];

const inRange = (value: number, [min, max]: readonly [number, number]) => Number.isFinite(value) && value >= min && value <= max;

/** "house_45_1.2_1.2_3_0*triangle_0_1_1_-3.5_-2": shapes joined by '*', fields by '_' (URL-safe). */
function shapesField(): Field<SceneShape[]> {
  return {
    defaultValue: DEFAULT_SHAPES,
    parse(text) {
      const shapes: SceneShape[] = [];
      for (const part of text.split('*')) {
        const [shape, ...numbers] = part.split('_');
        const [rotate, scaleX, scaleY, translateX, translateY] = numbers.map((n) => (n.trim() === '' ? NaN : Number(n)));
        if (!(SHAPES as readonly string[]).includes(shape) || numbers.length !== 5) return undefined;
        if (!inRange(rotate, LIMITS.rotate) || !inRange(scaleX, LIMITS.scale) || !inRange(scaleY, LIMITS.scale)) return undefined;
        if (!inRange(translateX, LIMITS.translate) || !inRange(translateY, LIMITS.translate)) return undefined;
        shapes.push({ shape: shape as ShapeKind, rotate, scaleX, scaleY, translateX, translateY });
      }
      return shapes.length >= 1 && shapes.length <= MAX_SHAPES ? shapes : undefined;
    },
    format: (shapes) =>
      shapes
        .map((s) => [s.shape, s.rotate, s.scaleX, s.scaleY, s.translateX, s.translateY].map((v) => (typeof v === 'number' ? formatFixed3(v) : v)).join('_'))
        .join('*'),
  };
}

export const hash = new HashState({
  shapes: shapesField(),
  selected: intField(0, 0, MAX_SHAPES - 1),
  left: choiceField<Order>('srt', ORDERS),
  right: choiceField<Order>('str', ORDERS),
  seed: intField(1, 0, 2 ** 32 - 1),
});

export type LessonState = ReturnType<typeof hash.read>;

/** Reads the hash and keeps `selected` inside the shape list. */
export function readState(): LessonState {
  const state = hash.read();
  state.shapes = state.shapes.map((s) => ({ ...s }));
  if (state.selected >= state.shapes.length) state.selected = 0;
  return state;
}
