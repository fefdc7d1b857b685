// image-lab: the affine matrix, the 4-point homography and the warp (bindings/wasm/imagelab.cpp).

/** image-lab (engine/include/mlplay/image/warp.h): the affine matrix for the controls and the size that fits it. */
export interface ImageAffine {
  /** Source pixel -> output pixel (x right, y down), Float64Array(9) row by row. */
  matrix: Float64Array;
  width: number;
  height: number;
  /** det A = ±s² (areas scale by |det A|; negative when flipped once). */
  determinant: number;
}

/** image-lab (engine/include/mlplay/image/homography.h): H from the 8×8 system A h = b. */
export interface ImageHomography {
  matrix: Float64Array;
  /** A, 64 numbers row by row, and b, 8 numbers. */
  a: Float64Array;
  b: Float64Array;
}

/** What bindings/wasm/imagelab.cpp adds to the module object. */
export interface ImageLabModule {
  /** image-lab: the matrix F·R·Sh·S about the centre (rotate in degrees, flip 'none' | 'h' | 'v' | 'hv') and the output size. */
  imageAffine(width: number, height: number, rotate: number, scale: number, shear: number, flip: string): ImageAffine;
  /** image-lab: the homography taking the corners from [x0, y0, …, x3, y3] to `to`; throws when three are on one line. */
  imageHomography(from: ArrayLike<number>, to: ArrayLike<number>): ImageHomography;
  /** image-lab: the 3×3 product a · b (b applies first). */
  imageMultiply(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array;
  /** image-lab: M⁻¹ (Float64Array(9)); throws for a singular M. */
  imageInverse(matrix: ArrayLike<number>): Float64Array;
  /** image-lab: warps width × height RGBA by `matrix` (source -> output) into outWidth × outHeight, by inverse mapping. */
  imageWarp(pixels: Uint8ClampedArray | Uint8Array, width: number, height: number, matrix: ArrayLike<number>,
    outWidth: number, outHeight: number, sampling: 'nearest' | 'bilinear'): Uint8ClampedArray<ArrayBuffer>;
}
