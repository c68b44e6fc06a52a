/**
 * Whether a point or a cell is revealed by a scene's fog of war. Runs per
 * token per event in the per-viewer projection, so it allocates nothing and
 * caches nothing: O(total cells and polygon corners of the ops).
 */
import type { FogShape, FogState } from './fog-types.js';
import { cellCenterX, cellCenterY, cellQAt, cellRAt } from './grid.js';
import type { Cell, Grid, Point } from './grid-types.js';
import { polygonContains } from './polygon.js';

/** Does `shape` cover scene point (x, y), which lies in cell (q, r)? */
function covers(shape: FogShape, x: number, y: number, q: number, r: number): boolean {
  switch (shape.kind) {
    case 'all':
      return true;
    case 'polygon':
      return polygonContains(shape.points, x, y);
    case 'cells': {
      const cells = shape.cells;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        if (cell.q === q && cell.r === r) return true;
      }
      return false;
    }
    default:
      // An unknown shape kind (data from a newer engine) covers nothing.
      return false;
  }
}

/** The last op covering (x, y) in cell (q, r) decides; none means hidden. */
function revealedAt(fog: FogState, x: number, y: number, q: number, r: number): boolean {
  const ops = fog.ops;
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i]!;
    if (covers(op.shape, x, y, q, r)) return op.mode === 'reveal';
  }
  return false;
}

/**
 * True when `point` (scene pixels) is visible through the fog: fog is
 * disabled, or the last op whose shape covers the point is a `reveal`. With
 * fog enabled, a point no op covers is hidden. A `cells` shape covers the
 * point when it lists {@link cellAt}(point); a `polygon` when the point is
 * inside by the even-odd rule; `all` always. Allocates nothing.
 *
 * Runs on the server when projecting state for a viewer (e.g. whether a
 * player may see a token standing at `point`) and in clients for rendering.
 *
 * @example
 * const fog: FogState = {
 *   enabled: true,
 *   ops: [
 *     { mode: 'reveal', shape: { kind: 'all' } },
 *     { mode: 'hide', shape: { kind: 'cells', cells: [{ q: 2, r: 1 }] } },
 *   ],
 * };
 * isPointRevealed(fog, defaultGrid(), { x: 50, y: 50 });   // true
 * isPointRevealed(fog, defaultGrid(), { x: 250, y: 150 }); // false
 */
export function isPointRevealed(fog: FogState, grid: Grid, point: Point): boolean {
  if (!fog.enabled) return true;
  const { x, y } = point;
  return revealedAt(fog, x, y, cellQAt(grid, x, y), cellRAt(grid, x, y));
}

/**
 * True when `cell` is visible through the fog: the same rule as
 * {@link isPointRevealed}, where `cells` shapes match the cell itself and
 * `polygon` shapes match when they contain the cell's centre. Allocates nothing.
 *
 * @example
 * isCellRevealed({ enabled: true, ops: [] }, defaultGrid(), { q: 0, r: 0 }); // false
 * isCellRevealed({ enabled: false, ops: [] }, defaultGrid(), { q: 0, r: 0 }); // true
 */
export function isCellRevealed(fog: FogState, grid: Grid, cell: Cell): boolean {
  if (!fog.enabled) return true;
  const { q, r } = cell;
  return revealedAt(fog, cellCenterX(grid, q, r), cellCenterY(grid, q, r), q, r);
}
