/**
 * Distances on a grid: in cells between cells ({@link gridDistance}) and in
 * the grid's units between scene points ({@link measure}).
 */
import { cellQAt, cellRAt } from './grid.js';
import type { Cell, DiagonalRule, DistanceOptions, Grid, Point } from './grid-types.js';
import { hexDistance } from './hex-math.js';

/** Cells between two square cells `dq` columns and `dr` rows apart, under `rule`. */
function squareDistance(dq: number, dr: number, rule: DiagonalRule): number {
  const dx = Math.abs(dq);
  const dy = Math.abs(dr);
  switch (rule) {
    case '5-10-5':
      // Every second diagonal step costs two cells.
      return Math.max(dx, dy) + Math.floor(Math.min(dx, dy) / 2);
    case 'euclidean':
      return Math.sqrt(dx * dx + dy * dy);
    default:
      return Math.max(dx, dy);
  }
}

/**
 * The distance between two cells, in cells.
 *
 * - Hex grids: the number of hex steps, `(|dq| + |dr| + |ds|) / 2`.
 * - Square grids, by `options.diagonals` (default `'5-5-5'`):
 *   `'5-5-5'` a diagonal step is one cell, `max(dx, dy)`;
 *   `'5-10-5'` diagonals alternate one and two cells, `max + floor(min / 2)`;
 *   `'euclidean'` the straight line between centres, `sqrt(dx² + dy²)`, not rounded.
 * - Gridless: the straight line between the centres of the lattice cells.
 *
 * @example
 * const grid = defaultGrid();
 * gridDistance(grid, { q: 0, r: 0 }, { q: 3, r: 4 }); // 4
 * gridDistance(grid, { q: 0, r: 0 }, { q: 3, r: 4 }, { diagonals: '5-10-5' }); // 5
 * gridDistance({ ...grid, type: 'hex-pointy' }, { q: 0, r: 0 }, { q: 2, r: 2 }); // 4
 */
export function gridDistance(grid: Grid, a: Cell, b: Cell, options: DistanceOptions = {}): number {
  switch (grid.type) {
    case 'hex-flat':
    case 'hex-pointy':
      return hexDistance(a.q, a.r, b.q, b.r);
    case 'gridless':
      return squareDistance(a.q - b.q, a.r - b.r, 'euclidean');
    default:
      return squareDistance(a.q - b.q, a.r - b.r, options.diagonals ?? '5-5-5');
  }
}

/**
 * The distance between two scene points in the grid's units (`grid.units`),
 * as the ruler shows it and as range checks use it.
 *
 * - Gridless: the straight line, `pixels / size * distance`.
 * - Square and hex: {@link gridDistance} between the cells containing the
 *   points, times `grid.distance`; so two points in the same cell are 0 apart.
 *
 * @example
 * const grid = defaultGrid(); // 100 px = 5 ft
 * measure(grid, { x: 50, y: 50 }, { x: 350, y: 450 }); // 20 (4 cells, 5-5-5)
 * measure({ ...grid, type: 'gridless' }, { x: 0, y: 0 }, { x: 300, y: 400 }); // 25
 */
export function measure(grid: Grid, a: Point, b: Point, options: DistanceOptions = {}): number {
  if (grid.type === 'gridless') {
    // sqrt, unlike Math.hypot, is correctly rounded: the same result on every engine.
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    return (Math.sqrt(dx * dx + dy * dy) / grid.size) * grid.distance;
  }
  const from = { q: cellQAt(grid, a.x, a.y), r: cellRAt(grid, a.x, a.y) };
  const to = { q: cellQAt(grid, b.x, b.y), r: cellRAt(grid, b.x, b.y) };
  return gridDistance(grid, from, to, options) * grid.distance;
}
