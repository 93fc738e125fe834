// A clerk's photo is recognised by its first bytes and limited in size (server/domain/photo.ts).
import { describe, expect, it } from 'vitest';
import { checkPhoto, PHOTO_MAX_BYTES, photoType } from '../../server/domain/photo';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('photo check', () => {
  it('knows a JPEG and a PNG by their magic bytes, nothing else', () => {
    expect(photoType(bytes(0xff, 0xd8, 0xff, 0xe0, 0))).toBe('image/jpeg');
    expect(photoType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('image/png');
    expect(photoType(Buffer.from('GIF89a...'))).toBeNull();
    expect(photoType(Buffer.from('RIFF....WEBP'))).toBeNull();
    expect(photoType(bytes(0x89, 0x50, 0x4e, 0x47))).toBeNull(); // a PNG's start, cut short
    expect(photoType(bytes())).toBeNull();
  });

  it('refuses a picture over the limit before looking at it, and anything else in words', () => {
    const big = new Uint8Array(PHOTO_MAX_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(() => checkPhoto(big)).toThrow(/^照片过大（1025 KB），最大 1024 KB/);
    expect(() => checkPhoto(Buffer.from('hello'))).toThrow('照片须为 JPEG 或 PNG 图片');
    const limit = new Uint8Array(PHOTO_MAX_BYTES);
    limit.set([0xff, 0xd8, 0xff]);
    expect(checkPhoto(limit)).toBe('image/jpeg');
  });
});
