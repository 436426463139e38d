// Images of cultural objects and of public checks: refused before decoding when too large in bytes
// or in pixels (the header is read, not the pixels, so a decompression bomb costs nothing), refused
// with a clear message when not a JPEG, PNG or WebP or when corrupt; then a thumbnail and the grey
// 32×32 grids the perceptual hash is taken of (sharp/libvips).
import { createHash } from 'node:crypto';
import { TooLargeError, ValidationError } from '@comity/core';
import { GRID, perceptualHash, rotationHashes } from '@comity/core/cultural/phash';
import sharp from 'sharp';

export interface ImageLimits {
  maxBytes: number;
  maxPixels: number;
}

export function imageLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ImageLimits {
  const n = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);
  return { maxBytes: n(env.COMITY_CULTURAL_IMAGE_MAX_BYTES, 10 * 1024 * 1024), maxPixels: n(env.COMITY_CULTURAL_IMAGE_MAX_PIXELS, 40_000_000) };
}

const ACCEPTED: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

export interface CheckedImage {
  bytes: Buffer;
  mediaType: string;
  width: number;
  height: number;
  sha256: string;
}

/** Size, type and pixel count from the header only; nothing is decoded yet. */
export async function inspectImage(bytes: Buffer, limits: ImageLimits): Promise<CheckedImage> {
  if (bytes.length === 0) throw new ValidationError('image_empty', 'The image is empty.');
  if (bytes.length > limits.maxBytes) throw new TooLargeError('image_too_large', `The image is ${bytes.length} bytes; at most ${limits.maxBytes} are accepted.`, { maxBytes: limits.maxBytes });
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new ValidationError('image_unreadable', 'This is not an image the registry can read: send a JPEG, PNG or WebP photo.');
  }
  const mediaType = meta.format ? ACCEPTED[meta.format] : undefined;
  if (!mediaType) throw new ValidationError('image_unsupported', `Images in ${meta.format ?? 'this'} format are not accepted: send a JPEG, PNG or WebP photo.`, { format: meta.format ?? null });
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0) throw new ValidationError('image_unreadable', 'The image has no size in its header.');
  if ((meta.pages ?? 1) > 1) throw new ValidationError('image_unsupported', 'Animated or multi-page images are not accepted: send a single photo.');
  if (width * height > limits.maxPixels) {
    throw new TooLargeError('image_too_many_pixels', `The image is ${width}×${height} pixels; at most ${limits.maxPixels} pixels are accepted.`, { maxPixels: limits.maxPixels });
  }
  return { bytes, mediaType, width, height, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Decodes (within the pixel limit; a truncated or corrupt file fails here) into a sharp pipeline. */
function decode(image: CheckedImage, limits: ImageLimits) {
  return sharp(image.bytes, { limitInputPixels: limits.maxPixels, failOn: 'error' }).rotate();
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ValidationError || err instanceof TooLargeError) throw err;
    throw new ValidationError('image_corrupt', 'The image is damaged and cannot be decoded: send the photo again or another copy of it.');
  }
}

export async function thumbnailOf(image: CheckedImage, limits: ImageLimits): Promise<Buffer> {
  return run(() => decode(image, limits).resize(320, 320, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 80 }).toBuffer());
}

async function greyGrid(pipeline: ReturnType<typeof sharp>): Promise<Uint8Array> {
  return new Uint8Array(await pipeline.greyscale().resize(GRID, GRID, { fit: 'fill' }).raw().toBuffer());
}

export const CROP_ANCHORS = ['tl', 'tr', 'bl', 'br', 'c'] as const;

/**
 * The hashes stored for a record's image: the whole image and five crops keeping 90% of each side
 * (four corners and the centre), each at the four quarter turns: 24 hashes. A photo cropped by 10%
 * or turned meets one of them at a small distance.
 */
export async function storedHashes(image: CheckedImage, limits: ImageLimits): Promise<{ variant: string; hash: string }[]> {
  return run(async () => {
    const { data, info } = await decode(image, limits).greyscale().raw().toBuffer({ resolveWithObject: true });
    const base = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
    const w = Math.max(1, Math.round(info.width * 0.9));
    const h = Math.max(1, Math.round(info.height * 0.9));
    const grids: { name: string; grid: Uint8Array }[] = [{ name: 'full', grid: await greyGrid(base()) }];
    for (const a of CROP_ANCHORS) {
      const left = a === 'c' ? Math.round((info.width - w) / 2) : a.endsWith('l') ? 0 : info.width - w;
      const top = a === 'c' ? Math.round((info.height - h) / 2) : a.startsWith('t') ? 0 : info.height - h;
      grids.push({ name: `crop-${a}`, grid: await greyGrid(base().extract({ left, top, width: w, height: h })) });
    }
    return grids.flatMap(({ name, grid }) => rotationHashes(grid).map(({ rotation, hash }) => ({ variant: `${name}/r${rotation}`, hash })));
  });
}

/** The hash of a photo being searched for (one: the stored variants cover turns and crops). */
export async function queryHash(image: CheckedImage, limits: ImageLimits): Promise<string> {
  return run(async () => perceptualHash(await greyGrid(decode(image, limits))));
}

/** Two hashes at most this far apart (of 64 bits) are the same picture. Fixed: see phash-recall.test.ts. */
export const MATCH_DISTANCE = 10;
