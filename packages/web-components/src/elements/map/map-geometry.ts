/**
 * Scene geometry of `<vtt-map>`: snapping, cell steps, and the SVG paths of
 * the grid, the fog and measured templates, all built on core's grid
 * functions (nothing here re-derives a rule core has).
 */
import {
  cellAt,
  cellCenter,
  cellPolygon,
  cellsInPolygon,
  isCellRevealed,
  measure,
  type Cell,
  type DiagonalRule,
  type FogState,
  type Grid,
  type MeasuredTemplate,
  type Point,
  type Scene,
  type Token,
} from '@vtt/core';

/** The pixel size of a token's footprint (`width × height` cells of `grid.size`). */
export function tokenBox(token: Pick<Token, 'width' | 'height'>, grid: Grid): Point {
  return { x: token.width * grid.size, y: token.height * grid.size };
}

/** The centre of a token whose top-left corner is at `at`. */
export function tokenCentre(token: Pick<Token, 'width' | 'height'>, grid: Grid, at: Point): Point {
  const box = tokenBox(token, grid);
  return { x: at.x + box.x / 2, y: at.y + box.y / 2 };
}

/**
 * Where a token dropped with its top-left corner at `at` lands: its centre
 * snaps to the centre of the cell under it (core's `cellAt`/`cellCenter`);
 * gridless scenes do not snap. Returns the new top-left corner, rounded to
 * whole pixels. A bench can drive a drag with this and `VttMap.dragTokenTo`.
 *
 * @example
 * snapTokenPosition(token, scene.grid, { x: 137, y: 42 }); // { x: 100, y: 0 } on 100 px squares
 */
export function snapTokenPosition(
  token: Pick<Token, 'width' | 'height'>,
  grid: Grid,
  at: Point,
): Point {
  if (grid.type === 'gridless') return { x: Math.round(at.x), y: Math.round(at.y) };
  if (grid.type === 'square') {
    // The corner snaps to the lattice corner nearest it: the top-left of the cell under corner + half a cell.
    const cell = cellAt(grid, { x: at.x + grid.size / 2, y: at.y + grid.size / 2 });
    const corner = cellPolygon(grid, cell)[0]!;
    return { x: Math.round(corner.x), y: Math.round(corner.y) };
  }
  const box = tokenBox(token, grid);
  const centre = cellCenter(grid, cellAt(grid, { x: at.x + box.x / 2, y: at.y + box.y / 2 }));
  return { x: Math.round(centre.x - box.x / 2), y: Math.round(centre.y - box.y / 2) };
}

/** The top-left corner after one step of a keyboard move (`dx`, `dy` in -1..1), snapped. */
export function stepTokenPosition(
  token: Pick<Token, 'width' | 'height' | 'x' | 'y'>,
  grid: Grid,
  dx: number,
  dy: number,
): Point {
  const at = { x: token.x + dx * grid.size, y: token.y + dy * grid.size };
  return snapTokenPosition(token, grid, at);
}

/**
 * The distance in the scene's units between two token positions (their
 * centres), by core's `measure` and the diagonal rule, as the ruler shows it.
 */
export function rulerDistance(
  token: Pick<Token, 'width' | 'height'>,
  grid: Grid,
  from: Point,
  to: Point,
  diagonals: DiagonalRule,
): number {
  return measure(grid, tokenCentre(token, grid, from), tokenCentre(token, grid, to), {
    diagonals,
  });
}

/** The ruler's label, e.g. `15 ft`. */
export function formatDistance(distance: number, units: string): string {
  const rounded = Math.round(distance * 10) / 10;
  return units === '' ? String(rounded) : `${rounded} ${units}`;
}

/** The cells whose centre is on the scene, with a half-cell margin so edge cells count. */
export function sceneCells(scene: Pick<Scene, 'grid' | 'width' | 'height'>): Cell[] {
  const m = scene.grid.size / 2;
  return cellsInPolygon(scene.grid, [
    { x: -m, y: -m },
    { x: scene.width + m, y: -m },
    { x: scene.width + m, y: scene.height + m },
    { x: -m, y: scene.height + m },
  ]);
}

function polygonPath(points: readonly Point[]): string {
  let d = '';
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    d += `${i === 0 ? 'M' : 'L'}${round(p.x)} ${round(p.y)}`;
  }
  return `${d}Z`;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The SVG path of the scene's grid lines; empty for gridless scenes. */
export function gridPath(scene: Pick<Scene, 'grid' | 'width' | 'height'>): string {
  const { grid, width, height } = scene;
  if (grid.type === 'gridless') return '';
  if (grid.type === 'square') {
    const parts: string[] = [];
    const startX = grid.offsetX - Math.ceil(grid.offsetX / grid.size) * grid.size;
    const startY = grid.offsetY - Math.ceil(grid.offsetY / grid.size) * grid.size;
    for (let x = startX; x <= width; x += grid.size) parts.push(`M${round(x)} 0V${height}`);
    for (let y = startY; y <= height; y += grid.size) parts.push(`M0 ${round(y)}H${width}`);
    return parts.join('');
  }
  return sceneCells(scene)
    .map((cell) => polygonPath(cellPolygon(grid, cell)))
    .join('');
}

/** The SVG path of the fogged (unrevealed) cells; empty when fog is off. */
export function fogPath(scene: Pick<Scene, 'grid' | 'width' | 'height'>, fog: FogState): string {
  if (!fog.enabled) return '';
  return cellsPath(
    scene.grid,
    sceneCells(scene).filter((cell) => !isCellRevealed(fog, scene.grid, cell)),
  );
}

/** The SVG path of the outlines of `cells`. */
export function cellsPath(grid: Grid, cells: readonly Cell[]): string {
  return cells.map((cell) => polygonPath(cellPolygon(grid, cell))).join('');
}

/** Pixels per grid unit: `grid.size / grid.distance`. */
export function pixelsPerUnit(grid: Grid): number {
  return grid.size / grid.distance;
}

/** The SVG path of a measured template's area, lengths converted from grid units. */
export function templatePath(template: MeasuredTemplate, grid: Grid): string {
  const k = pixelsPerUnit(grid);
  const { x, y } = template.origin;
  const length = template.size * k;
  const angle = (template.angle * Math.PI) / 180;
  const along = { x: Math.cos(angle), y: Math.sin(angle) };
  const across = { x: -along.y, y: along.x };
  const at = (a: number, c: number): Point => ({
    x: x + along.x * a + across.x * c,
    y: y + along.y * a + across.y * c,
  });
  switch (template.shape) {
    case 'circle':
      return `M${round(x - length)} ${round(y)}a${round(length)} ${round(length)} 0 1 0 ${round(
        2 * length,
      )} 0a${round(length)} ${round(length)} 0 1 0 ${round(-2 * length)} 0Z`;
    case 'cone': {
      const half = ((template.aperture / 2) * Math.PI) / 180;
      const points: Point[] = [{ x, y }];
      for (let i = 0; i <= 16; i++) {
        const a = angle - half + (2 * half * i) / 16;
        points.push({ x: x + Math.cos(a) * length, y: y + Math.sin(a) * length });
      }
      return polygonPath(points);
    }
    case 'line': {
      const half = ((template.width ?? grid.distance) * k) / 2;
      return polygonPath([at(0, -half), at(length, -half), at(length, half), at(0, half)]);
    }
    case 'rect': {
      const side = (template.width ?? template.size) * k;
      return polygonPath([at(0, 0), at(length, 0), at(length, side), at(0, side)]);
    }
  }
}

/** A stable hue (0-359) for a token without an image, from its id. */
export function tokenHue(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 360;
}

/**
 * `url` when it is safe to load as an image (http, https or a relative
 * path), else `null`: never `javascript:`, `data:` or any other scheme.
 */
export function safeImageUrl(url: string | null | undefined): string | null {
  if (url === null || url === undefined || url.trim() === '') return null;
  const text = url.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (scheme === null) return text.startsWith('//') ? null : text;
  const name = scheme[1]!.toLowerCase();
  // blob: URLs are made by this page (authorized asset bytes, see VttClient.blob).
  return name === 'http' || name === 'https' || name === 'blob' ? text : null;
}
