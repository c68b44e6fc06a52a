/**
 * Map tiles: a scene background cut once (sharp, Deep Zoom layout) into
 * 256 px WebP tiles at every level from the one that fits a single tile
 * (z = 0) up to full size, kept on disk beside the blob. For a player on a
 * fogged scene each tile is checked against the fog at the tile's own
 * resolution, with core's `isPointRevealed` at every pixel centre: wholly
 * hidden, wholly revealed, or on the edge (then its hidden pixels are made
 * opaque black before it is encoded).
 */
import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isPointRevealed, type Scene } from '@vtt/core';
import sharp from 'sharp';
import type { BlobStore } from './blob-store.js';
import { openImage } from './probe-image.js';

/** Side of a tile, in pixels. */
export const TILE_SIZE = 256;

/** The tile pyramid of one image. */
export interface TilePyramid {
  /** Folder holding `<z>/<x>_<y>.webp`. */
  readonly root: string;
  /** Number of levels; z runs from 0 (one tile) to `levels - 1` (full size). */
  readonly levels: number;
}

/** Size in pixels of level `z` of an image of `width` x `height` with `levels` levels. */
export function levelSize(
  width: number,
  height: number,
  levels: number,
  z: number,
): { readonly width: number; readonly height: number } {
  const scale = 2 ** (levels - 1 - z);
  return { width: Math.ceil(width / scale), height: Math.ceil(height / scale) };
}

async function pyramidAt(root: string): Promise<TilePyramid | null> {
  try {
    const names = await readdir(root);
    const levels = names.filter((n) => /^\d+$/.test(n)).length;
    return levels === 0 ? null : { root, levels };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The tile pyramids of a blob store, cut on first use (once, however many
 * requests ask at the same time) and kept beside the blobs.
 *
 * @example
 * const tiles = new MapTiles(store, config.maxImagePixels);
 * const { root, levels } = await tiles.ensure(row.sha256);
 */
export class MapTiles {
  readonly #store: BlobStore;
  readonly #maxPixels: number;
  readonly #cutting = new Map<string, Promise<TilePyramid>>();

  constructor(store: BlobStore, maxPixels: number) {
    this.#store = store;
    this.#maxPixels = maxPixels;
  }

  /** The tiles of blob `sha256`, cutting them if they are not on disk yet. */
  ensure(sha256: string): Promise<TilePyramid> {
    let running = this.#cutting.get(sha256);
    if (running === undefined) {
      running = this.#cut(sha256);
      this.#cutting.set(sha256, running);
      const done = () => void this.#cutting.delete(sha256);
      running.then(done, done);
    }
    return running;
  }

  async #cut(sha256: string): Promise<TilePyramid> {
    const { blob, tiles } = this.#store.paths(sha256);
    const root = join(tiles, 't_files');
    const known = await pyramidAt(root);
    if (known !== null) return known;
    await this.#store.writeFolderBeside(tiles, async (temp) => {
      await openImage(blob, this.#maxPixels)
        .webp({ quality: 85 })
        .tile({ size: TILE_SIZE, overlap: 0, layout: 'dz', depth: 'onetile' })
        .toFile(join(temp, 't'));
    });
    const made = await pyramidAt(root);
    if (made === null) throw new Error(`no tiles were cut for ${sha256}`);
    return made;
  }
}

/** The file of tile (z, x, y), or null when the pyramid has no such tile. */
export function tileFile(pyramid: TilePyramid, z: number, x: number, y: number): string | null {
  if (z >= pyramid.levels) return null;
  return join(pyramid.root, String(z), `${x}_${y}.webp`);
}

/**
 * A hash of everything that decides which pixels of a scene's map are
 * fogged: the fog ops, the grid and the scene's size.
 */
export function fogHash(scene: Scene): string {
  return createHash('sha256')
    .update(JSON.stringify([scene.fog, scene.grid, scene.width, scene.height]))
    .digest('hex')
    .slice(0, 16);
}

/** Where a tile stands against the fog. */
export type TileFog =
  | { readonly kind: 'revealed' }
  | { readonly kind: 'hidden' }
  /** `hidden[i]` is 1 for pixel i (row-major) under fog. */
  | { readonly kind: 'edge'; readonly hidden: Uint8Array };

/**
 * Checks every pixel centre of tile (z, x, y) (at the tile's resolution) of
 * a map of `image` size drawn over `scene`, against the scene's fog.
 *
 * @example
 * const fog = tileFog(scene, { width: 2048, height: 1536 }, 4, 3, 1, 0);
 */
export function tileFog(
  scene: Scene,
  image: { readonly width: number; readonly height: number },
  levels: number,
  z: number,
  x: number,
  y: number,
): TileFog {
  if (!scene.fog.enabled) return { kind: 'revealed' };
  const level = levelSize(image.width, image.height, levels, z);
  const width = Math.max(0, Math.min(TILE_SIZE, level.width - x * TILE_SIZE));
  const height = Math.max(0, Math.min(TILE_SIZE, level.height - y * TILE_SIZE));
  const hidden = new Uint8Array(width * height);
  const sx = scene.width / level.width;
  const sy = scene.height / level.height;
  let count = 0;
  for (let j = 0; j < height; j++) {
    const py = (y * TILE_SIZE + j + 0.5) * sy;
    for (let i = 0; i < width; i++) {
      const px = (x * TILE_SIZE + i + 0.5) * sx;
      if (!isPointRevealed(scene.fog, scene.grid, { x: px, y: py })) {
        hidden[j * width + i] = 1;
        count++;
      }
    }
  }
  if (count === 0) return { kind: 'revealed' };
  if (count === hidden.length) return { kind: 'hidden' };
  return { kind: 'edge', hidden };
}

/**
 * The tile at `file` with its fogged pixels opaque black, as WebP.
 *
 * @example
 * const bytes = await maskTile(file, fog.hidden);
 */
export async function maskTile(file: string, hidden: Uint8Array): Promise<Buffer> {
  const { data, info } = await sharp(file)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width * info.height !== hidden.length) {
    throw new Error(
      `tile ${file} is ${info.width}x${info.height}, the mask ${hidden.length} pixels`,
    );
  }
  for (let p = 0; p < hidden.length; p++) {
    if (hidden[p] === 1) {
      const o = p * 4;
      data[o] = 0;
      data[o + 1] = 0;
      data[o + 2] = 0;
      data[o + 3] = 255;
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } })
    .webp({ quality: 85 })
    .toBuffer();
}
