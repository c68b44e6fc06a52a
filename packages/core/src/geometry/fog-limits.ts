/**
 * Bounds on the size of a scene's fog, which keep {@link isPointRevealed}
 * cheap and scene documents small, and the check of one fog shape against
 * them.
 */

/**
 * The bounds of {@link FOG_LIMITS}, as a type, to pass tighter ones.
 *
 * @example
 * const strict: FogLimits = { ...FOG_LIMITS, maxOps: 64 };
 */
export interface FogLimits {
  /** Most ops in one {@link FogState} after {@link compactFog}. */
  readonly maxOps: number;
  /** Most cells in one `cells` shape. */
  readonly maxCellsPerShape: number;
  /** Most corners of one `polygon` shape. */
  readonly maxPolygonPoints: number;
  /** Most cells plus polygon corners over all ops of a state after {@link compactFog}. */
  readonly maxTotalSize: number;
  /** Largest magnitude of a cell coordinate or a polygon corner's x or y. */
  readonly maxCoordinate: number;
}

/**
 * The default fog bounds. `maxTotalSize` caps the work of one
 * {@link isPointRevealed} at about 16k comparisons.
 *
 * @example
 * if (shape.kind === 'cells' && shape.cells.length > FOG_LIMITS.maxCellsPerShape) split(shape);
 */
export const FOG_LIMITS = {
  maxOps: 256,
  maxCellsPerShape: 4096,
  maxPolygonPoints: 1024,
  maxTotalSize: 16_384,
  maxCoordinate: 10_000_000,
} as const satisfies FogLimits;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/**
 * Checks one fog shape from untrusted input (a GM's action payload) against
 * `limits`, before the reducer appends it. Returns a sentence saying what is
 * wrong and what to do, or `null` when the shape is valid.
 *
 * Valid: `{ kind: 'all' }`; `cells` with 1 to `maxCellsPerShape` cells of
 * integer `q`, `r`; `polygon` with 3 to `maxPolygonPoints` corners of finite
 * `x`, `y`. Every coordinate's magnitude is at most `maxCoordinate`.
 *
 * @example
 * validateFogShape({ kind: 'polygon', points: [{ x: 0, y: 0 }] });
 * // 'A fog polygon needs at least 3 points, got 1. Draw a larger area.'
 * validateFogShape({ kind: 'all' }); // null
 */
export function validateFogShape(shape: unknown, limits: FogLimits = FOG_LIMITS): string | null {
  if (!isRecord(shape)) return 'A fog shape must be an object with a "kind".';
  const max = limits.maxCoordinate;
  switch (shape.kind) {
    case 'all':
      return null;
    case 'cells': {
      const cells = shape.cells;
      if (!Array.isArray(cells)) return 'A fog "cells" shape needs a "cells" array.';
      if (cells.length === 0) return 'A fog "cells" shape needs at least one cell.';
      if (cells.length > limits.maxCellsPerShape) {
        return `A fog "cells" shape has ${cells.length} cells; the limit is ${limits.maxCellsPerShape}. Split it into several ops or use a polygon.`;
      }
      for (let i = 0; i < cells.length; i++) {
        const cell: unknown = cells[i];
        if (
          !isRecord(cell) ||
          !Number.isInteger(cell.q) ||
          !Number.isInteger(cell.r) ||
          Math.abs(cell.q as number) > max ||
          Math.abs(cell.r as number) > max
        ) {
          return `Fog cell ${i} must have integer "q" and "r" between -${max} and ${max}.`;
        }
      }
      return null;
    }
    case 'polygon': {
      const points = shape.points;
      if (!Array.isArray(points)) return 'A fog "polygon" shape needs a "points" array.';
      if (points.length < 3) {
        return `A fog polygon needs at least 3 points, got ${points.length}. Draw a larger area.`;
      }
      if (points.length > limits.maxPolygonPoints) {
        return `A fog polygon has ${points.length} points; the limit is ${limits.maxPolygonPoints}. Simplify the outline.`;
      }
      for (let i = 0; i < points.length; i++) {
        const p: unknown = points[i];
        if (!isRecord(p) || !inRange(p.x, max) || !inRange(p.y, max)) {
          return `Fog polygon point ${i} must have numbers "x" and "y" between -${max} and ${max}.`;
        }
      }
      return null;
    }
    default:
      return `Unknown fog shape kind ${JSON.stringify(shape.kind) ?? 'undefined'}; use "cells", "polygon" or "all".`;
  }
}

const inRange = (v: unknown, max: number): boolean => typeof v === 'number' && Math.abs(v) <= max; // false for NaN and infinities
