// Turning a file into RGBA pixels is the browser's job: createImageBitmap decodes JPEG/PNG/WebP/GIF
// (and resizes large photos on the way), a canvas hands back the bytes.

/** The longest side the lab works with; larger photos are downscaled to it. */
export const MAX_SIDE = 1024;

export interface Photo {
  pixels: Uint8ClampedArray<ArrayBuffer>;
  width: number;
  height: number;
  /** The size before downscaling. */
  originalWidth: number;
  originalHeight: number;
}

export class NotAnImageError extends Error {}

/** Decodes `blob`; throws NotAnImageError when the browser cannot read it as an image. */
export async function decodePhoto(blob: Blob, name: string): Promise<Photo> {
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
  if (longest > MAX_SIDE) {
    // The browser resamples; the lab's own warps stay in the engine.
    width = Math.max(1, Math.round((originalWidth * MAX_SIDE) / longest));
    height = Math.max(1, Math.round((originalHeight * MAX_SIDE) / longest));
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
