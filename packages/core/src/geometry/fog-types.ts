/**
 * The fog of war of a scene, as stored in the scene document: a switch and an
 * ordered list of reveal/hide operations. Plain JSON.
 */
import type { Cell, Point } from './grid-types.js';

/**
 * What a {@link FogOp} does to the area its shape covers.
 *
 * @example
 * const op: FogOp = { mode: FOG_MODES.reveal, shape: { kind: 'all' } };
 */
export const FOG_MODES = {
  reveal: 'reveal',
  hide: 'hide',
} as const;

/** One of {@link FOG_MODES}: `'reveal' | 'hide'`. */
export type FogMode = (typeof FOG_MODES)[keyof typeof FOG_MODES];

/**
 * The kinds of {@link FogShape}.
 *
 * @example
 * if (shape.kind === FOG_SHAPE_KINDS.polygon) draw(shape.points);
 */
export const FOG_SHAPE_KINDS = {
  /** A set of grid cells; a point is covered when the cell containing it is listed. */
  cells: 'cells',
  /** A polygon in scene pixels; a point is covered when inside by the even-odd rule. */
  polygon: 'polygon',
  /** The whole scene. */
  all: 'all',
} as const;

/** One of {@link FOG_SHAPE_KINDS}: `'cells' | 'polygon' | 'all'`. */
export type FogShapeKind = (typeof FOG_SHAPE_KINDS)[keyof typeof FOG_SHAPE_KINDS];

/**
 * The area a {@link FogOp} covers.
 *
 * @example
 * const room: FogShape = { kind: 'cells', cells: cellsInRadius(grid, { q: 4, r: 4 }, 2) };
 */
export type FogShape =
  | { readonly kind: 'cells'; readonly cells: readonly Cell[] }
  | { readonly kind: 'polygon'; readonly points: readonly Point[] }
  | { readonly kind: 'all' };

/**
 * One reveal or hide of an area, in the order the GM made them.
 *
 * @example
 * const op: FogOp = { mode: 'hide', shape: { kind: 'cells', cells: [{ q: 1, r: 1 }] } };
 */
export interface FogOp {
  readonly mode: FogMode;
  readonly shape: FogShape;
}

/**
 * A scene's fog of war. With `enabled` false everything is visible. With it
 * true a point is revealed when the last op covering it is a `reveal`, and
 * hidden when that op is a `hide` or when no op covers it.
 *
 * @example
 * const fog: FogState = { enabled: true, ops: [{ mode: 'reveal', shape: { kind: 'all' } }] };
 */
export interface FogState {
  readonly enabled: boolean;
  readonly ops: readonly FogOp[];
}

/**
 * The fog of a new scene: switched off, nothing revealed yet (so switching it
 * on hides the whole scene). Returns a fresh object each call.
 *
 * @example
 * const scene = { grid: defaultGrid(), fog: defaultFog(), ... };
 * const dungeon = { ...defaultFog(), enabled: true };
 */
export function defaultFog(): FogState {
  return { enabled: false, ops: [] };
}
