/**
 * Sets of cells for area tools: a radius around a cell (templates, auras,
 * fog brushes) and the cells of a drawn polygon (fog, walls of rooms).
 */
import { gridDistance } from './distance.js';
import { cellCenterX, cellCenterY, hexFracQ, hexFracR } from './grid.js';
import type { Cell, DistanceOptions, Grid, Point } from './grid-types.js';
import { polygonContains } from './polygon.js';

/**
 * The most candidate cells {@link cellsInRadius} and {@link cellsInPolygon}
 * visit; beyond it they throw a RangeError instead of stalling.
 *
 * @example
 * if ((2 * radius + 1) ** 2 > MAX_AREA_CELLS) return 'Pick a smaller radius.';
 */
export const MAX_AREA_CELLS = 1_000_000;

function checkArea(candidates: number): void {
  if (!(candidates <= MAX_AREA_CELLS)) {
    throw new RangeError(
      `The area spans ${candidates} cells; the limit is ${MAX_AREA_CELLS}. Use a smaller area.`,
    );
  }
}

/**
 * The cells within `radius` cells of `center` by {@link gridDistance} (with
 * the same diagonal rule), `center` included, ordered by row then column.
 * `radius` may be fractional, which matters for `'euclidean'`. Throws a RangeError for a negative or non-finite radius, or
 * when the area would span more than {@link MAX_AREA_CELLS} cells.
 *
 * @example
 * cellsInRadius(defaultGrid(), { q: 0, r: 0 }, 1).length; // 9 (5-5-5)
 * cellsInRadius({ ...defaultGrid(), type: 'hex-flat' }, { q: 0, r: 0 }, 2).length; // 19
 */
export function cellsInRadius(
  grid: Grid,
  center: Cell,
  radius: number,
  options: DistanceOptions = {},
): Cell[] {
  if (!(radius >= 0) || !Number.isFinite(radius)) {
    throw new RangeError(`The radius must be a finite number >= 0, got ${radius}.`);
  }
  const n = Math.floor(radius);
  checkArea((2 * n + 1) ** 2);
  const cells: Cell[] = [];
  for (let dr = -n; dr <= n; dr++) {
    for (let dq = -n; dq <= n; dq++) {
      const cell = { q: center.q + dq, r: center.r + dr };
      if (gridDistance(grid, center, cell, options) <= radius) cells.push(cell);
    }
  }
  return cells;
}

/**
 * The cells whose centre lies inside `polygon` (even-odd rule, as
 * {@link pointInPolygon}), ordered by row then column. Turns a drawn outline
 * into a `cells` fog shape. Throws a RangeError when the polygon's bounding
 * box spans more than {@link MAX_AREA_CELLS} cells.
 *
 * @example
 * const square = [{ x: 0, y: 0 }, { x: 200, y: 0 }, { x: 200, y: 200 }, { x: 0, y: 200 }];
 * cellsInPolygon(defaultGrid(), square); // the 4 cells (0,0) (1,0) (0,1) (1,1)
 */
export function cellsInPolygon(grid: Grid, polygon: readonly Point[]): Cell[] {
  if (polygon.length < 3) return [];
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of polygon) {
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x);
    maxY = Math.max(maxY, p.y);
  }
  return cellsWithCentreIn(grid, { minX, minY, maxX, maxY }, (x, y) =>
    polygonContains(polygon, x, y),
  );
}

/** An axis-aligned box in scene pixels. */
export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

/**
 * The cells whose centre may lie in `box` and passes `inside`, ordered by
 * row then column. The area code every shape shares (polygons here,
 * templates in `templates.ts`). Throws a RangeError when the box spans more
 * than {@link MAX_AREA_CELLS} cells.
 */
export function cellsWithCentreIn(
  grid: Grid,
  box: Box,
  inside: (x: number, y: number) => boolean,
): Cell[] {
  const [q0, q1, r0, r1] = candidateRange(grid, box.minX, box.minY, box.maxX, box.maxY);
  checkArea((q1 - q0 + 1) * (r1 - r0 + 1));
  const cells: Cell[] = [];
  for (let r = r0; r <= r1; r++) {
    for (let q = q0; q <= q1; q++) {
      if (inside(cellCenterX(grid, q, r), cellCenterY(grid, q, r))) {
        cells.push({ q: q + 0, r: r + 0 }); // never -0
      }
    }
  }
  return cells;
}

/** Inclusive [qMin, qMax, rMin, rMax] of every cell whose centre may lie in the box. */
function candidateRange(
  grid: Grid,
  minX: number,
  minY: number,
  maxX: number,
  maxY: number,
): [number, number, number, number] {
  if (grid.type !== 'hex-flat' && grid.type !== 'hex-pointy') {
    const { size, offsetX, offsetY } = grid;
    return [
      Math.floor((minX - offsetX) / size),
      Math.floor((maxX - offsetX) / size),
      Math.floor((minY - offsetY) / size),
      Math.floor((maxY - offsetY) / size),
    ];
  }
  // Axial q and r are linear in x and y, so over the box they peak at its corners.
  let qMin = Infinity;
  let qMax = -Infinity;
  let rMin = Infinity;
  let rMax = -Infinity;
  for (const x of [minX, maxX]) {
    for (const y of [minY, maxY]) {
      const fq = hexFracQ(grid, x, y);
      const fr = hexFracR(grid, x, y);
      qMin = Math.min(qMin, fq);
      qMax = Math.max(qMax, fq);
      rMin = Math.min(rMin, fr);
      rMax = Math.max(rMax, fr);
    }
  }
  return [Math.floor(qMin), Math.ceil(qMax), Math.floor(rMin), Math.ceil(rMax)];
}
