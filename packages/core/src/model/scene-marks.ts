/**
 * Measured templates and drawings: the marks GMs and players put on a
 * scene, kept in `TableDocs.templates` and `.drawings` ({@link DocMap}s).
 * See docs/reference/state-model.md.
 */
import type { Point } from '../geometry/index.js';
import type { DocMap } from './doc-map.js';
import { asDocMap } from './journal-documents.js';
import type { Flags } from './json.js';
import type { TableDocs } from './state.js';

/** Who sees a template or drawing: GMs only, or everyone who sees its scene. */
export const MARK_VISIBILITIES = { gm: 'gm', public: 'public' } as const;
/** One of {@link MARK_VISIBILITIES}. */
export type MarkVisibility = (typeof MARK_VISIBILITIES)[keyof typeof MARK_VISIBILITIES];

/** The shapes of a measured template. */
export const TEMPLATE_SHAPES = {
  /** `size` is the radius around `origin`. */
  circle: 'circle',
  /** A cone from `origin` towards `angle`: `size` is its length, `aperture` its opening. */
  cone: 'cone',
  /** A line (ray) from `origin` towards `angle`: `size` long, `width` wide. */
  line: 'line',
  /** A rectangle with a corner at `origin`: `size` along `angle`, `width` across it. */
  rect: 'rect',
} as const;
/** One of {@link TEMPLATE_SHAPES}. */
export type TemplateShape = (typeof TEMPLATE_SHAPES)[keyof typeof TEMPLATE_SHAPES];

/**
 * The opening of a cone by the 5e rule (its width at any point equals that
 * point's distance from the origin): `2·atan(1/2)`, about 53.13 degrees.
 *
 * @example
 * CONE_APERTURE_5E.toFixed(2); // '53.13'
 */
export const CONE_APERTURE_5E = (2 * Math.atan(0.5) * 180) / Math.PI;

/**
 * A measured template (area of effect) on a scene. Lengths are in the
 * scene's grid units (`grid.units`, e.g. feet), so a 20 ft fireball keeps its
 * size on any grid; `origin` is in scene pixels; `angle` is in degrees
 * clockwise on screen from east (the +x axis), stored in [0, 360).
 */
export interface MeasuredTemplate {
  readonly id: string;
  readonly sceneId: string;
  readonly shape: TemplateShape;
  readonly origin: Point;
  /** Radius (circle), length (cone, line) or the side along `angle` (rect), in grid units; > 0. */
  readonly size: number;
  /**
   * The extent across `angle`, in grid units: a line's width (`null`: one
   * cell, `grid.distance`), a rectangle's other side (`null`: `size`, a
   * square). Unused by circles and cones.
   */
  readonly width: number | null;
  /** Direction of a cone, line or rectangle; degrees in [0, 360). */
  readonly angle: number;
  /** A cone's opening in degrees, (0, 180); {@link CONE_APERTURE_5E} by default. */
  readonly aperture: number;
  /** A CSS colour, e.g. `'#ff4500'`. */
  readonly color: string;
  readonly label: string | null;
  readonly visibility: MarkVisibility;
  /** The member who placed it; a player edits and deletes their own. */
  readonly author: string;
  readonly flags: Flags;
}

/** The kinds of drawing. */
export const DRAWING_SHAPES = {
  /** A polyline through `points` (a pen stroke). */
  freehand: 'freehand',
  /** The box `x, y, width, height`. */
  rect: 'rect',
  /** The ellipse inscribed in the box `x, y, width, height`. */
  ellipse: 'ellipse',
  /** The closed outline through `points` (at least 3). */
  polygon: 'polygon',
  /** The segment between its two `points`. */
  line: 'line',
} as const;
/** One of {@link DRAWING_SHAPES}. */
export type DrawingShape = (typeof DRAWING_SHAPES)[keyof typeof DRAWING_SHAPES];

/**
 * A drawing on a scene. Coordinates are scene pixels: `x, y` is the
 * top-left corner of the box of rectangles and ellipses and the point
 * `points` are relative to; `points` hold the stroke of freehand drawings
 * (at most `DRAWING_LIMITS.maxPoints`), the corners of polygons, the two
 * ends of lines, and nothing for boxes.
 */
export interface Drawing {
  readonly id: string;
  readonly sceneId: string;
  readonly shape: DrawingShape;
  readonly x: number;
  readonly y: number;
  /** The box of `rect` and `ellipse`, in pixels (0 for the point shapes). */
  readonly width: number;
  readonly height: number;
  /** Relative to `x, y`. */
  readonly points: readonly Point[];
  /** Degrees clockwise around the centre of the box. */
  readonly rotation: number;
  /** A CSS colour. */
  readonly strokeColor: string;
  /** In pixels; 0 draws no outline. */
  readonly strokeWidth: number;
  /** A CSS colour, or `null` for no fill. */
  readonly fillColor: string | null;
  /** Text shown on the drawing, or `null`. Plain text, never HTML. */
  readonly text: string | null;
  readonly visibility: MarkVisibility;
  /** The member who drew it; a player edits and deletes their own. */
  readonly author: string;
  readonly flags: Flags;
}

/** Caps of drawings, enforced by the action schemas and by the events' checks. */
export const DRAWING_LIMITS = {
  /** Points of one drawing: a long pen stroke thinned on the client fits. */
  maxPoints: 2_000,
  maxStrokeWidth: 1_000,
  maxTextLength: 2_000,
} as const;

/**
 * The templates of `docs` as a {@link DocMap}, whatever form they arrived in
 * (a map, its JSON object in a replica, or absent in a table saved before
 * templates).
 *
 * @example
 * templatesOf(state).get('fireball-1')?.size; // 20
 */
export const templatesOf = (docs: Pick<TableDocs, 'templates'>): DocMap<MeasuredTemplate> =>
  asDocMap(docs.templates);

/**
 * The drawings of `docs` as a {@link DocMap} (see {@link templatesOf}).
 *
 * @example
 * drawingsOf(view).filter((d) => d.sceneId === 's1').length;
 */
export const drawingsOf = (docs: Pick<TableDocs, 'drawings'>): DocMap<Drawing> =>
  asDocMap(docs.drawings);

/**
 * `angle` in degrees as stored: in [0, 360), never -0.
 *
 * @example
 * normalizeAngle(-90); // 270
 * normalizeAngle(405); // 45
 */
export function normalizeAngle(angle: number): number {
  const a = angle % 360;
  const out = a < 0 ? a + 360 : a;
  return out >= 360 ? 0 : out + 0;
}
