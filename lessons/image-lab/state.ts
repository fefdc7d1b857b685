// image-lab state in the URL hash: the affine controls, the four dragged corners and the zoom point.
import type { ImageLabFlip } from '../../web/engine/protocol';
import { choiceField, HashState, type Field } from '../../web/site/hash-state';

/** The corners that leave the picture as it is: top-left, top-right, bottom-right, bottom-left. */
export const SQUARE_CORNERS = [0, 0, 1, 0, 1, 1, 0, 1];
/** How far outside the output a corner may be dragged, as a fraction of its size. */
export const CORNER_MIN = -0.5;
export const CORNER_MAX = 1.5;
export const FLIPS: readonly ImageLabFlip[] = ['none', 'h', 'v', 'hv'];

export const LIMITS = {
  rotate: { min: -360, max: 360 },
  scale: { min: 0.05, max: 8 },
  shear: { min: -4, max: 4 },
} as const;

export interface LabState {
  rotate: number;
  scale: number;
  shear: number;
  flip: ImageLabFlip;
  corners: number[];
  zoom: number[];
}

/** Three decimals are enough for the hash and keep links short. */
const short = (v: number) => String(Number(v.toFixed(3)));

function realField(defaultValue: number, min: number, max: number): Field<number> {
  return {
    defaultValue,
    parse(text) {
      const value = Number(text);
      return text.trim() !== '' && Number.isFinite(value) && value >= min && value <= max ? value : undefined;
    },
    format: short,
  };
}

function listField(defaultValue: number[], length: number, min: number, max: number): Field<number[]> {
  return {
    defaultValue,
    parse(text) {
      const values = text.split('_').map(Number);
      return values.length === length && values.every((v) => Number.isFinite(v) && v >= min && v <= max) ? values : undefined;
    },
    format: (values) => values.map(short).join('_'), // '_': a comma would be escaped as %2C
  };
}

export const DEFAULTS: LabState = { rotate: 15, scale: 1, shear: 0, flip: 'none', corners: SQUARE_CORNERS, zoom: [0.5, 0.5] };

export const hash = new HashState<LabState>({
  rotate: realField(DEFAULTS.rotate, LIMITS.rotate.min, LIMITS.rotate.max),
  scale: realField(DEFAULTS.scale, LIMITS.scale.min, LIMITS.scale.max),
  shear: realField(DEFAULTS.shear, LIMITS.shear.min, LIMITS.shear.max),
  flip: choiceField<ImageLabFlip>(DEFAULTS.flip, FLIPS),
  corners: listField(DEFAULTS.corners, 8, CORNER_MIN, CORNER_MAX),
  zoom: listField(DEFAULTS.zoom, 2, 0, 1),
});
