// A clerk's photo as the hall takes it: JPEG or PNG, recognised by the file's first bytes (never by its name
// or the browser's say-so), at most PHOTO_MAX_BYTES. Pure: the admin's route checks, the core stores.
import { HallError } from './errors';

/** A 600×800 JPEG is about 100 kB: 1 MB leaves room for a good PNG, not for a camera's raw picture. */
export const PHOTO_MAX_BYTES = 1024 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image type by its magic bytes, or null for anything else (GIF, WebP, HEIC, a renamed file). */
export function photoType(data: Uint8Array): PhotoType | null {
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= PNG.length && PNG.every((b, i) => data[i] === b)) return 'image/png';
  return null;
}

/** The photo's type, or the refusal the admin reads. */
export function checkPhoto(data: Uint8Array): PhotoType {
  if (data.length > PHOTO_MAX_BYTES)
    throw new HallError(
      'PAYLOAD_TOO_LARGE',
      `照片过大（${Math.ceil(data.length / 1024)} KB），最大 ${PHOTO_MAX_BYTES / 1024} KB，请缩小后再上传`,
      { maxBytes: PHOTO_MAX_BYTES, bytes: data.length },
    );
  const type = photoType(data);
  if (!type) throw new HallError('VALIDATION', '照片须为 JPEG 或 PNG 图片', { where: 'photo' });
  return type;
}
