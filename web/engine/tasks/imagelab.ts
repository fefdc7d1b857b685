// image-lab task.
//   imagelab.warp: the engine builds the affine matrix A for the controls (and the output size that
//   fits it), solves the 8×8 system for the homography H that moves the output's corners to the
//   dragged ones, composes M = H·A, and warps the photo by inverse mapping twice: nearest and bilinear.
import type { ImageLabFlip } from '../protocol';
import type { Task } from '.';
import { wholeNumber } from './check';

const FLIPS: readonly ImageLabFlip[] = ['none', 'h', 'v', 'hv'];

function finite(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`imagelab.warp: ${name} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

export const imagelabWarp: Task<'imagelab.warp'> = async (params, { engine, yield: pause }) => {
  const task = 'imagelab.warp';
  const width = wholeNumber(task, 'width', params.width, 1, 8192);
  const height = wholeNumber(task, 'height', params.height, 1, 8192);
  if (!(params.pixels instanceof Uint8ClampedArray) || params.pixels.length !== width * height * 4) {
    throw new Error(`${task}: pixels must be a Uint8ClampedArray of ${width} × ${height} × 4 bytes, got ${params.pixels?.length ?? 'none'}`);
  }
  if (!FLIPS.includes(params.flip)) throw new Error(`${task}: flip must be one of ${FLIPS.join(', ')}, got ${JSON.stringify(params.flip)}`);
  if (!Array.isArray(params.corners) || params.corners.length !== 8) {
    throw new Error(`${task}: corners must be 8 numbers (x0, y0, …, x3, y3), got ${JSON.stringify(params.corners)}`);
  }
  const corners = params.corners.map((c, i) => finite(`corners[${i}]`, c));

  // The engine checks the ranges (scale 0.05 to 8, shear −4 to 4, output size) and names bad values.
  const affine = engine.imageAffine(width, height, finite('rotate', params.rotate), finite('scale', params.scale),
    finite('shear', params.shear), params.flip);
  const { width: outW, height: outH } = affine;
  const rectangle = [0, 0, outW, 0, outW, outH, 0, outH];
  const target = corners.map((c, i) => c * (i % 2 === 0 ? outW : outH));
  const homography = engine.imageHomography(rectangle, target);
  const matrix = engine.imageMultiply(homography.matrix, affine.matrix);
  const inverse = engine.imageInverse(matrix);

  let start = performance.now();
  const nearest = engine.imageWarp(params.pixels, width, height, matrix, outW, outH, 'nearest');
  const nearestMs = performance.now() - start;
  await pause();
  start = performance.now();
  const bilinear = engine.imageWarp(params.pixels, width, height, matrix, outW, outH, 'bilinear');
  const bilinearMs = performance.now() - start;
  return {
    affine: Array.from(affine.matrix),
    affineDeterminant: affine.determinant,
    homography: Array.from(homography.matrix),
    matrix: Array.from(matrix),
    inverse: Array.from(inverse),
    systemA: Array.from(homography.a),
    systemB: Array.from(homography.b),
    width: outW,
    height: outH,
    nearest,
    bilinear,
    nearestMs,
    bilinearMs,
  };
};
