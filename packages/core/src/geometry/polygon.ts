/**
 * Point-in-polygon by the even-odd rule, allocation-free.
 */
import type { Point } from './grid-types.js';

/**
 * Even-odd containment of scene point (x, y) in `polygon` (W. R. Franklin's
 * crossing test). Allocation-free form of {@link pointInPolygon}.
 */
export function polygonContains(polygon: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  const n = polygon.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = polygon[i]!;
    const b = polygon[j]!;
    if (a.y > y !== b.y > y && x < ((b.x - a.x) * (y - a.y)) / (b.y - a.y) + a.x) {
      inside = !inside;
    }
  }
  return inside;
}

/**
 * True when `point` lies inside `polygon` by the even-odd rule: a ray from
 * the point crosses the outline an odd number of times. Works for concave and
 * self-intersecting outlines (overlapping loops cancel out), in either
 * winding order; the closing edge from the last corner to the first is
 * implied. Of two polygons that share an edge, a point on that edge is inside
 * exactly one of them. Fewer than 3 corners contain nothing.
 * Allocates nothing; O(corners).
 *
 * @example
 * const l = [{ x: 0, y: 0 }, { x: 20, y: 0 }, { x: 20, y: 10 }, { x: 10, y: 10 }, { x: 10, y: 20 }, { x: 0, y: 20 }];
 * pointInPolygon({ x: 5, y: 15 }, l);  // true
 * pointInPolygon({ x: 15, y: 15 }, l); // false (the notch of the L)
 */
export function pointInPolygon(point: Point, polygon: readonly Point[]): boolean {
  return polygonContains(polygon, point.x, point.y);
}
