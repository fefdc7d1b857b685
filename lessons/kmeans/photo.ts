// The photo to quantize, decoded by web/widgets/photo.ts at most MAX_SIDE pixels on its longest side.
import { decodePhoto as decode, type Photo } from '../../web/widgets/photo';

export { NotAnImageError, paint, type Photo } from '../../web/widgets/photo';

/** The longest side quantized; larger photos are downscaled to it so k-means stays interactive. */
export const MAX_SIDE = 640;

export function decodePhoto(blob: Blob, name: string): Promise<Photo> {
  return decode(blob, name, MAX_SIDE);
}
