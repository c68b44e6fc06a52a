/**
 * Conversions between scene pixels and grid cells, cell outlines and
 * neighbours, for every {@link GridType}. Pure and allocation-light; the
 * `cellQAt`/`cellRAt`/`cellCenterX`/`cellCenterY` primitives allocate nothing
 * and serve hot paths such as fog checks.
 */
import type { Cell, Grid, Point } from './grid-types.js';
import { HEX_DIRECTIONS, SQUARE_DIRECTIONS, hexRadius, hexRound } from './hex-math.js';

/** Fractional axial q of scene point (x, y) on a hex grid. */
export function hexFracQ(grid: Grid, x: number, y: number): number {
  const radius = hexRadius(grid.size);
  if (grid.type === 'hex-pointy') {
    const fr = (y - grid.offsetY - radius) / (1.5 * radius);
    return (x - grid.offsetX - grid.size / 2) / grid.size - fr / 2;
  }
  return (x - grid.offsetX - radius) / (1.5 * radius);
}

/** Fractional axial r of scene point (x, y) on a hex grid. */
export function hexFracR(grid: Grid, x: number, y: number): number {
  const radius = hexRadius(grid.size);
  if (grid.type === 'hex-pointy') return (y - grid.offsetY - radius) / (1.5 * radius);
  const fq = (x - grid.offsetX - radius) / (1.5 * radius);
  return (y - grid.offsetY - grid.size / 2) / grid.size - fq / 2;
}

const isHex = (grid: Grid): boolean => grid.type === 'hex-flat' || grid.type === 'hex-pointy';

/** The `q` of the cell containing scene point (x, y); allocation-free form of {@link cellAt}. */
export function cellQAt(grid: Grid, x: number, y: number): number {
  if (!isHex(grid)) return Math.floor((x - grid.offsetX) / grid.size) + 0;
  return hexRound(hexFracQ(grid, x, y), hexFracR(grid, x, y), 0);
}

/** The `r` of the cell containing scene point (x, y); allocation-free form of {@link cellAt}. */
export function cellRAt(grid: Grid, x: number, y: number): number {
  if (!isHex(grid)) return Math.floor((y - grid.offsetY) / grid.size) + 0;
  return hexRound(hexFracQ(grid, x, y), hexFracR(grid, x, y), 1);
}

/** Scene x of the centre of cell (q, r); allocation-free form of {@link cellCenter}. */
export function cellCenterX(grid: Grid, q: number, r: number): number {
  switch (grid.type) {
    case 'hex-pointy':
      return grid.offsetX + grid.size * (q + r / 2 + 0.5);
    case 'hex-flat': {
      const radius = hexRadius(grid.size);
      return grid.offsetX + radius + 1.5 * radius * q;
    }
    default:
      return grid.offsetX + (q + 0.5) * grid.size;
  }
}

/** Scene y of the centre of cell (q, r); allocation-free form of {@link cellCenter}. */
export function cellCenterY(grid: Grid, q: number, r: number): number {
  switch (grid.type) {
    case 'hex-pointy': {
      const radius = hexRadius(grid.size);
      return grid.offsetY + radius + 1.5 * radius * r;
    }
    case 'hex-flat':
      return grid.offsetY + grid.size * (r + q / 2 + 0.5);
    default:
      return grid.offsetY + (r + 0.5) * grid.size;
  }
}

/**
 * The cell that contains a scene point. Square and gridless grids use
 * half-open cells: a point on a vertical border belongs to the cell on its
 * right, on a horizontal border to the cell below. Hex grids use cube
 * rounding, which picks the hexagon whose centre is nearest; a point exactly
 * on a border gets one of the touching hexagons, the same one every time on
 * every platform.
 *
 * @example
 * cellAt(defaultGrid(), { x: 250, y: 120 }); // { q: 2, r: 1 }
 * cellAt({ ...defaultGrid(), type: 'hex-pointy' }, { x: 50, y: 57.7 }); // { q: 0, r: 0 }
 */
export function cellAt(grid: Grid, point: Point): Cell {
  return { q: cellQAt(grid, point.x, point.y), r: cellRAt(grid, point.x, point.y) };
}

/**
 * The centre of a cell in scene pixels: where a one-cell token snaps to.
 *
 * @example
 * cellCenter(defaultGrid(), { q: 2, r: 1 }); // { x: 250, y: 150 }
 */
export function cellCenter(grid: Grid, cell: Cell): Point {
  return { x: cellCenterX(grid, cell.q, cell.r), y: cellCenterY(grid, cell.q, cell.r) };
}

/**
 * The corners of a cell in scene pixels, clockwise on screen: 4 for square
 * and gridless grids (top-left first), 6 for hexagons. Used to draw the grid
 * and to paint fog cells. Returns a new array each call.
 *
 * @example
 * cellPolygon(defaultGrid(), { q: 0, r: 0 });
 * // [{ x: 0, y: 0 }, { x: 100, y: 0 }, { x: 100, y: 100 }, { x: 0, y: 100 }]
 */
export function cellPolygon(grid: Grid, cell: Cell): Point[] {
  const { size, offsetX, offsetY } = grid;
  if (!isHex(grid)) {
    // From the lattice, not the centre, so that neighbours share corners bit for bit.
    const left = offsetX + cell.q * size;
    const right = offsetX + (cell.q + 1) * size;
    const top = offsetY + cell.r * size;
    const bottom = offsetY + (cell.r + 1) * size;
    return [
      { x: left, y: top },
      { x: right, y: top },
      { x: right, y: bottom },
      { x: left, y: bottom },
    ];
  }
  const cx = cellCenterX(grid, cell.q, cell.r);
  const cy = cellCenterY(grid, cell.q, cell.r);
  const half = size / 2;
  const radius = hexRadius(size);
  if (grid.type === 'hex-pointy') {
    return [
      { x: cx + half, y: cy - radius / 2 },
      { x: cx + half, y: cy + radius / 2 },
      { x: cx, y: cy + radius },
      { x: cx - half, y: cy + radius / 2 },
      { x: cx - half, y: cy - radius / 2 },
      { x: cx, y: cy - radius },
    ];
  }
  return [
    { x: cx + radius, y: cy },
    { x: cx + radius / 2, y: cy + half },
    { x: cx - radius / 2, y: cy + half },
    { x: cx - radius, y: cy },
    { x: cx - radius / 2, y: cy - half },
    { x: cx + radius / 2, y: cy - half },
  ];
}

/**
 * The cells adjacent to `cell`, clockwise on screen starting east (square,
 * pointy hex) or south-east (flat hex). Square and gridless grids give 8,
 * diagonals included, because a diagonal step is a move in the games we
 * serve; hex grids give 6.
 *
 * @example
 * neighbours(defaultGrid(), { q: 0, r: 0 }).length; // 8
 * neighbours({ ...defaultGrid(), type: 'hex-flat' }, { q: 0, r: 0 }).length; // 6
 */
export function neighbours(grid: Grid, cell: Cell): Cell[] {
  const directions = isHex(grid) ? HEX_DIRECTIONS : SQUARE_DIRECTIONS;
  return directions.map(([dq, dr]) => ({ q: cell.q + dq, r: cell.r + dr }));
}
