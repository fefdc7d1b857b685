// The lab's photo, decoded by web/widgets/photo.ts at most MAX_SIDE pixels on its longest side (the
// browser resamples larger uploads; the lab's own warps stay in the engine).
import { decodePhoto as decode, type Photo } from '../../web/widgets/photo';

export { NotAnImageError, type Photo } from '../../web/widgets/photo';

/** The longest side the lab works with; larger photos are downscaled to it. */
export const MAX_SIDE = 1024;

export function decodePhoto(blob: Blob, name: string): Promise<Photo> {
  return decode(blob, name, MAX_SIDE);
}
