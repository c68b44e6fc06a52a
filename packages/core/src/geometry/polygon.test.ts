import { describe, expect, it } from 'vitest';
import type { Point } from './grid-types.js';
import { pointInPolygon } from './polygon.js';

const pts = (...xy: number[]): Point[] =>
  Array.from({ length: xy.length / 2 }, (_, i) => ({ x: xy[2 * i]!, y: xy[2 * i + 1]! }));

describe('pointInPolygon', () => {
  const box = pts(0, 0, 10, 0, 10, 10, 0, 10);
  // An L: the square 0..20 without its lower-right quarter.
  const l = pts(0, 0, 20, 0, 20, 10, 10, 10, 10, 20, 0, 20);

  it('contains inner points of a convex polygon, in either winding order', () => {
    expect(pointInPolygon({ x: 5, y: 5 }, box)).toBe(true);
    expect(pointInPolygon({ x: 5, y: 5 }, [...box].reverse())).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, box)).toBe(false);
    expect(pointInPolygon({ x: -0.1, y: 5 }, box)).toBe(false);
  });

  it('excludes the notch of a concave polygon', () => {
    expect(pointInPolygon({ x: 5, y: 15 }, l)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 5 }, l)).toBe(true);
    expect(pointInPolygon({ x: 5, y: 5 }, l)).toBe(true);
    expect(pointInPolygon({ x: 15, y: 15 }, l)).toBe(false);
    expect(pointInPolygon({ x: 10.5, y: 10.5 }, l)).toBe(false);
    expect(pointInPolygon({ x: 9.5, y: 15 }, l)).toBe(true);
  });

  it('applies the even-odd rule to self-intersecting outlines', () => {
    // A pentagram: its centre pentagon is wound twice, so even-odd leaves it out.
    const star = Array.from({ length: 5 }, (_, i) => {
      const angle = -Math.PI / 2 + (i * 4 * Math.PI) / 5;
      return { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) };
    });
    expect(pointInPolygon({ x: 0, y: 0 }, star)).toBe(false);
    expect(pointInPolygon({ x: 0, y: -80 }, star)).toBe(true); // in the top spike
  });

  it('puts a point on an edge shared by two polygons in exactly one of them', () => {
    const right = pts(10, 0, 20, 0, 20, 10, 10, 10);
    for (const p of [
      { x: 10, y: 5 },
      { x: 10, y: 0.5 },
      { x: 10, y: 9.9 },
    ]) {
      expect(Number(pointInPolygon(p, box)) + Number(pointInPolygon(p, right))).toBe(1);
    }
  });

  it('contains nothing with fewer than 3 corners', () => {
    expect(pointInPolygon({ x: 0, y: 0 }, [])).toBe(false);
    expect(pointInPolygon({ x: 0, y: 0 }, pts(0, 0))).toBe(false);
    expect(pointInPolygon({ x: 5, y: 0 }, pts(0, -1, 10, 1))).toBe(false);
  });
});
