/**
 * Internal hexagon arithmetic (Red Blob Games, "Hexagonal Grids"), kept
 * allocation-free so that fog checks can run per token per event.
 * Not part of the public API: use the functions of `grid.ts`.
 */

/** sqrt(3): a hexagon's flat-to-flat width is sqrt(3) times its corner radius. */
export const SQRT3 = Math.sqrt(3);

/**
 * Corner radius (centre to corner) of a hexagon whose flat-to-flat width is
 * `size`, i.e. whose neighbours' centres are `size` apart.
 */
export function hexRadius(size: number): number {
  return size / SQRT3;
}

/**
 * Cube-rounds the fractional axial coordinates `(fq, fr)` to the hexagon that
 * contains them and returns its `q` (`axis` 0) or its `r` (`axis` 1). Two calls
 * instead of one returned object keep callers allocation-free. Never returns -0.
 */
export function hexRound(fq: number, fr: number, axis: 0 | 1): number {
  const fs = -fq - fr;
  let q = Math.round(fq);
  let r = Math.round(fr);
  const s = Math.round(fs);
  const dq = Math.abs(q - fq);
  const dr = Math.abs(r - fr);
  const ds = Math.abs(s - fs);
  if (dq > dr && dq > ds) q = -r - s;
  else if (dr > ds) r = -q - s;
  return (axis === 0 ? q : r) + 0;
}

/** Steps between two hexagons in axial coordinates. */
export function hexDistance(aq: number, ar: number, bq: number, br: number): number {
  const dq = aq - bq;
  const dr = ar - br;
  return (Math.abs(dq) + Math.abs(dr) + Math.abs(dq + dr)) / 2;
}

/** The six axial neighbour offsets, clockwise on screen starting east (pointy) / south-east (flat). */
export const HEX_DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [0, -1],
  [1, -1],
];

/** The eight square neighbour offsets, clockwise on screen starting east. */
export const SQUARE_DIRECTIONS: readonly (readonly [number, number])[] = [
  [1, 0],
  [1, 1],
  [0, 1],
  [-1, 1],
  [-1, 0],
  [-1, -1],
  [0, -1],
  [1, -1],
];
