import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridDistance } from './distance.js';
import { cellAt, cellCenter, cellPolygon, neighbours } from './grid.js';
import { defaultGrid, validateGrid, type Cell, type Grid, type Point } from './grid-types.js';

const SEED = 20240611;
const square = defaultGrid();
const pointy: Grid = { ...square, type: 'hex-pointy' };
const flat: Grid = { ...square, type: 'hex-flat' };
const R = 100 / Math.sqrt(3);

const dist = (a: Point, b: Point): number => Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
const hexType = fc.constantFrom('hex-flat' as const, 'hex-pointy' as const);
const arbGrid = (type: fc.Arbitrary<Grid['type']>): fc.Arbitrary<Grid> =>
  fc.record({
    type,
    size: fc.double({ min: 8, max: 400, noNaN: true }),
    offsetX: fc.double({ min: -2000, max: 2000, noNaN: true }),
    offsetY: fc.double({ min: -2000, max: 2000, noNaN: true }),
    units: fc.constant('ft'),
    distance: fc.constant(5),
  });
const arbCell = fc.record({
  q: fc.integer({ min: -500, max: 500 }),
  r: fc.integer({ min: -500, max: 500 }),
});

describe('cellAt and cellCenter', () => {
  it('places cell (0,0) with its bounding box at the offset', () => {
    const shifted: Grid = { ...square, offsetX: 30, offsetY: -20 };
    expect(cellCenter(shifted, { q: 0, r: 0 })).toEqual({ x: 80, y: 30 });
    expect(cellCenter(pointy, { q: 0, r: 0 })).toEqual({ x: 50, y: R });
    expect(cellCenter(flat, { q: 0, r: 0 })).toEqual({ x: R, y: 50 });
  });

  it('lays hexes out as in Red Blob Games axial coordinates', () => {
    const p = cellCenter(pointy, { q: 0, r: 1 });
    expect(p.x).toBeCloseTo(100, 9);
    expect(p.y).toBeCloseTo(R * 2.5, 9);
    const f = cellCenter(flat, { q: 1, r: 0 });
    expect(f.x).toBeCloseTo(R * 2.5, 9);
    expect(f.y).toBeCloseTo(100, 9);
    expect(cellAt(pointy, { x: 260, y: 60 })).toEqual({ q: 2, r: 0 });
    expect(cellAt(flat, { x: 60, y: 260 })).toEqual({ q: 0, r: 2 });
  });

  it('round-trips cellCenter -> cellAt on both hex orientations (property)', () => {
    fc.assert(
      fc.property(arbGrid(hexType), arbCell, (grid, cell) => {
        expect(cellAt(grid, cellCenter(grid, cell))).toEqual(cell);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('maps every point of a hex to the hex with the nearest centre (property)', () => {
    fc.assert(
      fc.property(
        arbGrid(hexType),
        fc.double({ min: -20_000, max: 20_000, noNaN: true }),
        fc.double({ min: -20_000, max: 20_000, noNaN: true }),
        (grid, x, y) => {
          const cell = cellAt(grid, { x, y });
          const own = dist({ x, y }, cellCenter(grid, cell));
          expect(own).toBeLessThanOrEqual(grid.size / Math.sqrt(3) + 1e-6);
          for (const n of neighbours(grid, cell)) {
            expect(own).toBeLessThanOrEqual(dist({ x, y }, cellCenter(grid, n)) + 1e-6);
          }
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('maps every point of a square cell to that cell (property)', () => {
    fc.assert(
      fc.property(
        arbGrid(fc.constantFrom('square' as const, 'gridless' as const)),
        arbCell,
        // Off the borders by a margin: a computed border point is a rounding error away from it.
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        (grid, cell, u, v) => {
          const [topLeft] = cellPolygon(grid, cell);
          const point = { x: topLeft!.x + u * grid.size, y: topLeft!.y + v * grid.size };
          expect(cellAt(grid, point)).toEqual(cell);
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('gives square borders to the cell on the right and below', () => {
    expect(cellAt(square, { x: 100, y: 200 })).toEqual({ q: 1, r: 2 });
    expect(cellAt(square, { x: 99.999, y: 199.999 })).toEqual({ q: 0, r: 1 });
    expect(cellAt(square, { x: 0, y: 0 })).toEqual({ q: 0, r: 0 });
    expect(cellAt(square, { x: -0.001, y: -100 })).toEqual({ q: -1, r: -1 });
  });

  it('gives a hex border point to one of the touching hexes, the same every time', () => {
    for (const grid of [pointy, flat]) {
      const c: Cell = { q: 3, r: -2 };
      const center = cellCenter(grid, c);
      const corners = cellPolygon(grid, c);
      for (const n of neighbours(grid, c)) {
        const other = cellCenter(grid, n);
        const edgeMid = { x: (center.x + other.x) / 2, y: (center.y + other.y) / 2 };
        const picked = cellAt(grid, edgeMid);
        expect([c, n]).toContainEqual(picked);
        // A hair towards either centre lands in that hex.
        const towards = (p: Point, t: number): Point => ({
          x: edgeMid.x + (p.x - edgeMid.x) * t,
          y: edgeMid.y + (p.y - edgeMid.y) * t,
        });
        expect(cellAt(grid, towards(center, 1e-6))).toEqual(c);
        expect(cellAt(grid, towards(other, 1e-6))).toEqual(n);
      }
      for (const corner of corners) {
        const picked = cellAt(grid, corner);
        expect(gridDistance(grid, picked, c)).toBeLessThanOrEqual(1);
        const touching = [c, ...neighbours(grid, c)].filter((cell) =>
          cellPolygon(grid, cell).some((p) => dist(p, corner) < 1e-9),
        );
        expect(touching).toHaveLength(3);
        expect(touching).toContainEqual(picked);
      }
    }
  });

  it('never returns -0 coordinates', () => {
    for (const grid of [square, pointy, flat]) {
      const cell = cellAt(grid, cellCenter(grid, { q: 0, r: 0 }));
      expect(Object.is(cell.q, 0) && Object.is(cell.r, 0)).toBe(true);
    }
    const edge = cellAt(square, { x: -0, y: -0 });
    expect(Object.is(edge.q, 0) && Object.is(edge.r, 0)).toBe(true);
  });
});

describe('cellPolygon', () => {
  it('gives a square cell its four corners clockwise from the top left', () => {
    expect(cellPolygon({ ...square, offsetX: 10 }, { q: 1, r: 2 })).toEqual([
      { x: 110, y: 200 },
      { x: 210, y: 200 },
      { x: 210, y: 300 },
      { x: 110, y: 300 },
    ]);
  });

  it('gives a hex six corners on its circumcircle, two shared with each neighbour', () => {
    for (const grid of [pointy, flat]) {
      const c: Cell = { q: -4, r: 7 };
      const center = cellCenter(grid, c);
      const corners = cellPolygon(grid, c);
      expect(corners).toHaveLength(6);
      for (const p of corners) expect(dist(p, center)).toBeCloseTo(R, 9);
      for (const n of neighbours(grid, c)) {
        const theirs = cellPolygon(grid, n);
        const shared = corners.filter((p) => theirs.some((o) => dist(p, o) < 1e-9));
        expect(shared).toHaveLength(2);
      }
    }
  });
});

describe('neighbours', () => {
  it('gives 8 cells on square and gridless grids, diagonals included', () => {
    for (const grid of [square, { ...square, type: 'gridless' as const }]) {
      const around = neighbours(grid, { q: 5, r: 5 });
      expect(around).toHaveLength(8);
      expect(new Set(around.map((c) => `${c.q},${c.r}`)).size).toBe(8);
      expect(around).toContainEqual({ q: 6, r: 6 });
      for (const n of around) expect(gridDistance(square, n, { q: 5, r: 5 })).toBe(1);
    }
  });

  it('gives 6 hexes whose centres are exactly `size` away', () => {
    for (const grid of [pointy, flat]) {
      const c: Cell = { q: 2, r: -1 };
      const around = neighbours(grid, c);
      expect(around).toHaveLength(6);
      expect(new Set(around.map((n) => `${n.q},${n.r}`)).size).toBe(6);
      for (const n of around) {
        expect(dist(cellCenter(grid, n), cellCenter(grid, c))).toBeCloseTo(grid.size, 9);
        expect(gridDistance(grid, n, c)).toBe(1);
      }
    }
  });
});

describe('defaultGrid and validateGrid', () => {
  it('accepts the default grid and every grid type', () => {
    expect(validateGrid(defaultGrid())).toBeNull();
    for (const type of ['square', 'hex-flat', 'hex-pointy', 'gridless']) {
      expect(validateGrid({ ...defaultGrid(), type })).toBeNull();
    }
  });

  it('names the bad field', () => {
    expect(validateGrid(null)).toMatch(/grid must be an object/);
    expect(validateGrid({ ...defaultGrid(), type: 'hex' })).toMatch(/grid\.type/);
    expect(validateGrid({ ...defaultGrid(), size: 0 })).toMatch(/grid\.size/);
    expect(validateGrid({ ...defaultGrid(), size: Number.NaN })).toMatch(/grid\.size/);
    expect(validateGrid({ ...defaultGrid(), distance: -5 })).toMatch(/grid\.distance/);
    expect(validateGrid({ ...defaultGrid(), offsetX: Infinity })).toMatch(/grid\.offsetX/);
    expect(validateGrid({ ...defaultGrid(), units: 7 })).toMatch(/grid\.units/);
  });
});
