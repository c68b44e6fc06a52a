/**
 * Checks an uploaded image before anything decodes it, and makes its
 * thumbnail. The size in pixels comes from the header alone (sharp's
 * `metadata()` decodes no pixels), so an image that declares 50,000 x
 * 50,000 pixels is refused at once; every decode runs with sharp's
 * `limitInputPixels` as a second wall.
 */
import { VttError } from '@vtt/core';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageMime } from './image-type.js';

/** Longest side of a thumbnail, in pixels. */
export const THUMB_SIZE = 256;

/** What the header of an image says. */
export interface ImageProbe {
  /** As displayed (EXIF orientation applied). */
  readonly width: number;
  readonly height: number;
}

const SHARP_FORMATS: Readonly<Record<ImageMime, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'image/gif': 'gif',
};

/**
 * Reads the size of the image at `path` from its header and checks it
 * against `maxPixels`.
 *
 * @throws VttError `VTT_ERR_ASSET_TOO_MANY_PIXELS` naming the size and the cap,
 * `VTT_ERR_ASSET_CORRUPT` when the header cannot be read or is not `mime`.
 * @example
 * const { width, height } = await probeImage(temp, 'image/png', config.maxImagePixels);
 */
export async function probeImage(
  path: string,
  mime: ImageMime,
  maxPixels: number,
): Promise<ImageProbe> {
  let meta: Metadata;
  try {
    // Header only: no pixel is decoded here, whatever size it declares.
    meta = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new VttError(
      'VTT_ERR_ASSET_CORRUPT',
      { problem: (error as Error).message.replace(/\.$/, '') },
      { cause: error },
    );
  }
  if (meta.format !== SHARP_FORMATS[mime] || meta.width === 0 || meta.height === 0) {
    throw new VttError('VTT_ERR_ASSET_CORRUPT', { problem: 'its header is not a valid image' });
  }
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  if (width * height > maxPixels) {
    throw new VttError('VTT_ERR_ASSET_TOO_MANY_PIXELS', {
      width,
      height,
      pixels: (width * height).toLocaleString('en'),
      max: maxPixels.toLocaleString('en'),
    });
  }
  return { width, height };
}

/** A sharp pipeline over the image at `path`: first frame, EXIF orientation applied, pixel cap on. */
export function openImage(path: string, maxPixels: number): Sharp {
  return sharp(path, { limitInputPixels: maxPixels, autoOrient: true, failOn: 'error' });
}

/**
 * The thumbnail of the image at `path`: WebP, at most {@link THUMB_SIZE}
 * pixels on its longest side, never enlarged.
 *
 * @throws VttError `VTT_ERR_ASSET_CORRUPT` when the pixels cannot be decoded.
 */
export async function makeThumbnail(path: string, maxPixels: number): Promise<Buffer> {
  try {
    return await openImage(path, maxPixels)
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
  } catch (error) {
    throw new VttError(
      'VTT_ERR_ASSET_CORRUPT',
      { problem: (error as Error).message.replace(/\.$/, '') },
      { cause: error },
    );
  }
}
