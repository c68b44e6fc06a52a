/**
 * The grid of a scene and the two coordinate systems every geometry function
 * speaks: scene pixels ({@link Point}) and grid cells ({@link Cell}). All of
 * these are plain JSON, stored in scene documents and sent over the wire.
 */

/**
 * The kinds of grid a scene can have.
 *
 * @example
 * const hexes: Grid = { ...defaultGrid(), type: GRID_TYPES.hexPointy };
 */
export const GRID_TYPES = {
  /** Square cells; `q` is the column, `r` the row. */
  square: 'square',
  /** Hexagons with a flat top edge (columns of hexes); axial `q`, `r`. */
  hexFlat: 'hex-flat',
  /** Hexagons with a pointed top (rows of hexes); axial `q`, `r`. */
  hexPointy: 'hex-pointy',
  /** No visible grid: distances are euclidean; cell helpers use a square lattice. */
  gridless: 'gridless',
} as const;

/** One of {@link GRID_TYPES}: `'square' | 'hex-flat' | 'hex-pointy' | 'gridless'`. */
export type GridType = (typeof GRID_TYPES)[keyof typeof GRID_TYPES];

/**
 * How diagonal steps count on a square grid (and only there).
 * `'5-5-5'`: every diagonal step is one cell (D&D 5e default).
 * `'5-10-5'`: diagonals alternate one and two cells (Pathfinder, D&D 3.5, 5e variant).
 * `'euclidean'`: straight-line distance between cell centres, not rounded.
 *
 * @example
 * gridDistance(grid, a, b, { diagonals: DIAGONAL_RULES.alternating });
 */
export const DIAGONAL_RULES = {
  equal: '5-5-5',
  alternating: '5-10-5',
  euclidean: 'euclidean',
} as const;

/** One of {@link DIAGONAL_RULES}: `'5-5-5' | '5-10-5' | 'euclidean'`. */
export type DiagonalRule = (typeof DIAGONAL_RULES)[keyof typeof DIAGONAL_RULES];

/**
 * Options of {@link gridDistance}, {@link measure} and {@link cellsInRadius}.
 *
 * @example
 * const options: DistanceOptions = { diagonals: campaign.settings.diagonals };
 */
export interface DistanceOptions {
  /** Diagonal rule on square grids; `'5-5-5'` when omitted. Ignored by other grids. */
  readonly diagonals?: DiagonalRule;
}

/**
 * A scene's grid, as stored in the scene document.
 *
 * `size` is the distance in pixels between the centres of two neighbouring
 * cells: the side of a square, the flat-to-flat width of a hexagon.
 * `offsetX`/`offsetY` is the top-left corner of the bounding box of cell
 * `{ q: 0, r: 0 }`, in scene pixels. One cell step is `distance` `units`.
 *
 * @example
 * const grid: Grid = { type: 'hex-flat', size: 140, offsetX: 0, offsetY: 0, units: 'm', distance: 1.5 };
 */
export interface Grid {
  readonly type: GridType;
  /** Pixels between neighbouring cell centres; finite and > 0. */
  readonly size: number;
  /** Scene x of the left edge of cell (0, 0)'s bounding box. */
  readonly offsetX: number;
  /** Scene y of the top edge of cell (0, 0)'s bounding box. */
  readonly offsetY: number;
  /** The unit one cell measures in, e.g. `'ft'`, `'m'`, `'mi'`. */
  readonly units: string;
  /** Units per cell, e.g. `5`. */
  readonly distance: number;
}

/**
 * A position in scene pixels; x grows to the right, y grows downwards.
 *
 * @example
 * const cell = cellAt(grid, { x: token.x, y: token.y });
 */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/**
 * A grid cell. Square (and gridless): `q` is the column, `r` the row.
 * Hex: axial coordinates as in Red Blob Games' hex guide (the third cube
 * coordinate is `s = -q - r`). Always integers.
 *
 * @example
 * neighbours(grid, { q: 2, r: -1 });
 */
export interface Cell {
  readonly q: number;
  readonly r: number;
}

/**
 * The grid a new scene gets: 100-pixel squares of 5 ft at the scene origin.
 * Returns a fresh object each call.
 *
 * @example
 * const scene = { grid: defaultGrid(), ... };
 * const hexes = { ...defaultGrid(), type: GRID_TYPES.hexPointy };
 */
export function defaultGrid(): Grid {
  return { type: 'square', size: 100, offsetX: 0, offsetY: 0, units: 'ft', distance: 5 };
}

const GRID_TYPE_VALUES: readonly string[] = Object.values(GRID_TYPES);

/** Upper bound of `size`, `distance` and the magnitude of the offsets that {@link validateGrid} accepts. */
const MAX_GRID_NUMBER = 1_000_000;

/**
 * Checks a grid from untrusted input (an action payload, an import) before it
 * is stored. Every geometry function assumes a grid that passed this check.
 * Returns a sentence naming the bad field and the fix, or `null` when valid.
 *
 * @example
 * const problem = validateGrid(payload.grid);
 * if (problem) reject(problem); // e.g. 'grid.size must be a number > 0 and <= 1000000, got 0.'
 */
export function validateGrid(grid: unknown): string | null {
  if (typeof grid !== 'object' || grid === null) return 'grid must be an object.';
  const g = grid as Record<string, unknown>;
  if (typeof g.type !== 'string' || !GRID_TYPE_VALUES.includes(g.type)) {
    return `grid.type must be one of ${GRID_TYPE_VALUES.join(', ')}, got ${String(g.type)}.`;
  }
  for (const key of ['size', 'distance'] as const) {
    const v = g[key];
    if (typeof v !== 'number' || !(v > 0 && v <= MAX_GRID_NUMBER)) {
      return `grid.${key} must be a number > 0 and <= ${MAX_GRID_NUMBER}, got ${String(v)}.`;
    }
  }
  for (const key of ['offsetX', 'offsetY'] as const) {
    const v = g[key];
    if (typeof v !== 'number' || !(Math.abs(v) <= MAX_GRID_NUMBER)) {
      return `grid.${key} must be a number between -${MAX_GRID_NUMBER} and ${MAX_GRID_NUMBER}, got ${String(v)}.`;
    }
  }
  if (typeof g.units !== 'string' || g.units.length > 32) {
    return 'grid.units must be a string of at most 32 characters, e.g. "ft".';
  }
  return null;
}
