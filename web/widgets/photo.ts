// Turning an image file into RGBA pixels is the browser's job: createImageBitmap decodes
// JPEG/PNG/WebP/GIF (and downscales a large photo on the way), a canvas hands back the bytes. What
// the lessons do with the pixels (warps, colour clustering) is the engine's.

export interface Photo {
  pixels: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
  /** The size before downscaling. */
  originalWidth: number;
  originalHeight: number;
}

export class NotAnImageError extends Error {}

/** Decodes `blob`, downscaled so its longest side is at most `maxSide`; throws NotAnImageError
 * (naming the file) when the browser cannot read it as an image. */
export async function decodePhoto(blob: Blob, name: string, maxSide: number): Promise<Photo> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    const kind = blob.type ? ` (${blob.type})` : '';
    throw new NotAnImageError(`“${name}”${kind} is not an image this browser can open. Choose a JPEG, PNG, GIF or WebP file.`);
  }
  const originalWidth = bitmap.width;
  const originalHeight = bitmap.height;
  let width = originalWidth;
  let height = originalHeight;
  const longest = Math.max(width, height);
  if (longest > maxSide) {
    width = Math.max(1, Math.round((originalWidth * maxSide) / longest));
    height = Math.max(1, Math.round((originalHeight * maxSide) / longest));
    bitmap.close();
    bitmap = await createImageBitmap(blob, { resizeWidth: width, resizeHeight: height, resizeQuality: 'high' });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const pixels = context.getImageData(0, 0, width, height).data;
  return { pixels, width, height, originalWidth, originalHeight };
}

/** Paints RGBA pixels on a canvas at their own size (CSS scales it). */
export function paint(canvas: HTMLCanvasElement, pixels: Uint8ClampedArray<ArrayBuffer>, width: number, height: number): void {
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(new ImageData(pixels, width, height), 0, 0);
}
