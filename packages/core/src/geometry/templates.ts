/**
 * What a measured template covers: its grid cells, and the tokens it hits.
 *
 * The rule is the 5e DMG's for areas on a grid: a cell is covered when its
 * centre lies inside the template's shape (a centre exactly on the edge
 * counts). Lengths are in the scene's grid units (`grid.distance` units per
 * cell), so a 20 ft radius is 4 cells on a 5 ft grid and the same 20 ft on
 * a 1.5 m hex grid. Gridless scenes have no cells to count: there a token is
 * hit when the shape itself touches its footprint rectangle.
 */
import { VttError } from '../errors/vtt-error.js';
import type { Scene, Token } from '../model/documents.js';
import { templatesOf, type MeasuredTemplate } from '../model/scene-marks.js';
import type { TableDocs } from '../model/state.js';
import { cellsWithCentreIn, type Box } from './cell-areas.js';
import { cellCenterX, cellCenterY, cellQAt, cellRAt } from './grid.js';
import type { Cell, Grid, Point } from './grid-types.js';

/** The plane shape of a template in scene pixels: a disc or a convex polygon. */
type Region =
  | { readonly kind: 'circle'; readonly x: number; readonly y: number; readonly radius: number }
  | { readonly kind: 'polygon'; readonly points: readonly Point[] };

/** Slack for centres on an edge, in pixels: far below any visible distance, far above rounding. */
const slack = (grid: Grid) => grid.size * 1e-9;

/**
 * The template's shape in scene pixels on `grid`: a disc for circles; for
 * cones the 5e triangle (at distance d along `angle` it is
 * `2·d·tan(aperture / 2)` wide, d at the default 53.13°; `size` is its
 * length along the axis); lines and rectangles as rotated rectangles.
 */
function regionOf(t: MeasuredTemplate, grid: Grid): Region {
  const scale = grid.size / grid.distance;
  const { x, y } = t.origin;
  const length = t.size * scale;
  if (t.shape === 'circle') return { kind: 'circle', x, y, radius: length };
  const rad = (t.angle * Math.PI) / 180;
  const dx = Math.cos(rad);
  const dy = Math.sin(rad);
  const at = (along: number, across: number): Point => ({
    x: x + along * dx - across * dy,
    y: y + along * dy + across * dx,
  });
  if (t.shape === 'cone') {
    const half = length * Math.tan((t.aperture * Math.PI) / 360);
    return { kind: 'polygon', points: [at(0, 0), at(length, -half), at(length, half)] };
  }
  if (t.shape === 'line') {
    const half = ((t.width ?? grid.distance) * scale) / 2;
    return {
      kind: 'polygon',
      points: [at(0, -half), at(length, -half), at(length, half), at(0, half)],
    };
  }
  const across = (t.width ?? t.size) * scale;
  return { kind: 'polygon', points: [at(0, 0), at(length, 0), at(length, across), at(0, across)] };
}

function boxOf(region: Region, pad: number): Box {
  if (region.kind === 'circle') {
    const r = region.radius + pad;
    return { minX: region.x - r, minY: region.y - r, maxX: region.x + r, maxY: region.y + r };
  }
  const xs = region.points.map((p) => p.x);
  const ys = region.points.map((p) => p.y);
  return {
    minX: Math.min(...xs) - pad,
    minY: Math.min(...ys) - pad,
    maxX: Math.max(...xs) + pad,
    maxY: Math.max(...ys) + pad,
  };
}

/** Whether (x, y) is inside `region` or within `eps` pixels of its edge. */
function contains(region: Region, x: number, y: number, eps: number): boolean {
  if (region.kind === 'circle') {
    const dx = x - region.x;
    const dy = y - region.y;
    const r = region.radius + eps;
    return dx * dx + dy * dy <= r * r;
  }
  const pts = region.points;
  const sign = orientation(pts);
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    const ex = b.x - a.x;
    const ey = b.y - a.y;
    const edge = Math.sqrt(ex * ex + ey * ey);
    if (edge === 0) continue;
    // Signed distance of (x, y) from the edge's line, positive inside.
    if ((sign * (ex * (y - a.y) - ey * (x - a.x))) / edge < -eps) return false;
  }
  return true;
}

/** +1 or -1 by the winding of a convex polygon (its signed area). */
function orientation(pts: readonly Point[]): number {
  let area = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    area += a.x * b.y - b.x * a.y;
  }
  return area >= 0 ? 1 : -1;
}

/**
 * The grid cells `template` covers on `scene`: those whose centre lies
 * inside the template's shape (the 5e DMG rule; a centre exactly on the edge
 * counts), ordered by row then column. Square grids and both hex
 * orientations alike; gridless scenes count the square lattice their cell
 * helpers use. Sizes are in the scene's grid units: on a 5 ft grid a 20 ft
 * radius circle from a grid intersection covers 52 squares, on a hex grid
 * from a hex centre the 61 hexes within 4 steps. Cones are the 5e triangle
 * (`aperture` wide, 53.13° by default), lines `width` wide (one cell by
 * default), rectangles `size` along `angle` by `width` across (a square by
 * default) with a corner at `origin`.
 *
 * Throws a RangeError when the template spans more than `MAX_AREA_CELLS`
 * candidate cells.
 *
 * @example
 * const fireball = { ...template, shape: 'circle', origin: { x: 500, y: 500 }, size: 20 };
 * templateCells(fireball, scene).length; // 52 on a 100 px, 5 ft square grid
 */
export function templateCells(template: MeasuredTemplate, scene: Pick<Scene, 'grid'>): Cell[] {
  const region = regionOf(template, scene.grid);
  const eps = slack(scene.grid);
  return cellsWithCentreIn(scene.grid, boxOf(region, eps), (x, y) => contains(region, x, y, eps));
}

/** The token's footprint rectangle in scene pixels: `x, y` and `width × height` cells. */
function footprintBox(token: Token, grid: Grid): Box {
  return {
    minX: token.x,
    minY: token.y,
    maxX: token.x + token.width * grid.size,
    maxY: token.y + token.height * grid.size,
  };
}

/**
 * The grid cells `token` occupies on `scene`: those whose centre lies in
 * its footprint (`x, y` and `width × height` cells of `grid.size` pixels,
 * right and bottom edges excluded, so a token on the grid covers exactly
 * `width × height` squares); a token too small or too far off the grid to
 * hold any centre occupies the cell under its centre. Ordered by row then
 * column.
 *
 * @example
 * footprintCells({ ...token, x: 100, y: 0, width: 2, height: 2 }, scene);
 * // [{ q: 1, r: 0 }, { q: 2, r: 0 }, { q: 1, r: 1 }, { q: 2, r: 1 }]
 */
export function footprintCells(token: Token, scene: Pick<Scene, 'grid'>): Cell[] {
  const grid = scene.grid;
  const box = footprintBox(token, grid);
  const cells = cellsWithCentreIn(
    grid,
    box,
    (x, y) => x >= box.minX && x < box.maxX && y >= box.minY && y < box.maxY,
  );
  if (cells.length > 0) return cells;
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  return [{ q: cellQAt(grid, cx, cy), r: cellRAt(grid, cx, cy) }];
}

/** Whether `region` touches the axis-aligned `box` (separating axis test; touching counts). */
function touchesBox(region: Region, box: Box, eps: number): boolean {
  if (region.kind === 'circle') {
    const nx = Math.min(Math.max(region.x, box.minX), box.maxX);
    const ny = Math.min(Math.max(region.y, box.minY), box.maxY);
    return contains(region, nx, ny, eps);
  }
  const corners: Point[] = [
    { x: box.minX, y: box.minY },
    { x: box.maxX, y: box.minY },
    { x: box.maxX, y: box.maxY },
    { x: box.minX, y: box.maxY },
  ];
  const pts = region.points;
  const axes: Point[] = [
    { x: 1, y: 0 },
    { x: 0, y: 1 },
  ];
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    const len = Math.sqrt((b.x - a.x) ** 2 + (b.y - a.y) ** 2);
    if (len > 0) axes.push({ x: -(b.y - a.y) / len, y: (b.x - a.x) / len });
  }
  for (const axis of axes) {
    const [p0, p1] = span(pts, axis);
    const [b0, b1] = span(corners, axis);
    if (p1 < b0 - eps || b1 < p0 - eps) return false;
  }
  return true;
}

function span(points: readonly Point[], axis: Point): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    const d = p.x * axis.x + p.y * axis.y;
    lo = Math.min(lo, d);
    hi = Math.max(hi, d);
  }
  return [lo, hi];
}

/**
 * The ids of the tokens on the template's scene that it hits, sorted: on a
 * square or hex grid those with a footprint cell ({@link footprintCells})
 * among the covered cells ({@link templateCells}); on a gridless scene those
 * whose footprint rectangle the shape touches. Reads the tokens of `docs`:
 * on a full state every token, hidden ones included; on a view, those the
 * viewer sees. Cost grows with the tokens on the scene and their size, not
 * with the template's area.
 *
 * @throws VttError `VTT_ERR_DOCUMENT_NOT_FOUND` for an unknown template, or
 * a template whose scene is not in `docs`.
 * @example
 * tokensInTemplate(state, 'fireball-1'); // ['goblin-1', 'goblin-3']
 */
export function tokensInTemplate(docs: TableDocs, templateId: string): string[] {
  const template = templatesOf(docs).get(templateId);
  if (template === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', { collection: 'templates', id: templateId });
  const scene = docs.scenes.get(template.sceneId);
  if (scene === undefined)
    throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', {
      collection: 'scenes',
      id: template.sceneId,
    });
  const grid = scene.grid;
  const region = regionOf(template, grid);
  const eps = slack(grid);
  const hit = (token: Token): boolean => {
    if (grid.type === 'gridless') return touchesBox(region, footprintBox(token, grid), eps);
    return footprintCells(token, scene).some((c) =>
      contains(region, cellCenterX(grid, c.q, c.r), cellCenterY(grid, c.q, c.r), eps),
    );
  };
  return docs.tokens
    .filter((t) => t.sceneId === scene.id && hit(t))
    .map((t) => t.id)
    .sort();
}
