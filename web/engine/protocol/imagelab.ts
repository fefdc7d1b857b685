// Worker task types of the imagelab lesson (the protocol itself is in ../protocol.ts).

// image-lab: rotate, scale, shear, flip and perspective-warp a photo by inverse mapping
// (engine/include/mlplay/image/). The page decodes the photo; the engine builds the matrices and warps.

export type ImageLabFlip = 'none' | 'h' | 'v' | 'hv';

export interface ImageLabWarpParams {
  /** The source photo, width × height RGBA (ImageData layout). */
  pixels: Uint8ClampedArray;
  width: number;
  height: number;
  /** Degrees; positive turns the picture clockwise on screen (y points down). */
  rotate: number;
  scale: number;
  /** x' = x + shear · y */
  shear: number;
  flip: ImageLabFlip;
  /** Where the affine result's corners go (top-left, top-right, bottom-right, bottom-left), as
   *  fractions [x0, y0, …, x3, y3] of the output size; the unit square's corners leave it as it is. */
  corners: number[];
}

export interface ImageLabWarpResult {
  /** A = F·R·Sh·S about the centre, the homography H and M = H·A (source -> output), 9 entries row by row. */
  affine: number[];
  homography: number[];
  matrix: number[];
  /** det A, from the engine. */
  affineDeterminant: number;
  /** M⁻¹: what inverse mapping applies to each output pixel. */
  inverse: number[];
  /** The 8×8 system A h = b solved for H (64 + 8 numbers). */
  systemA: number[];
  systemB: number[];
  width: number;
  height: number;
  nearest: Uint8ClampedArray<ArrayBuffer>;
  bilinear: Uint8ClampedArray<ArrayBuffer>;
  /** Engine time for each warp. */
  nearestMs: number;
  bilinearMs: number;
}
