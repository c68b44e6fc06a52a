import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsInPolygon, cellsInRadius } from './cell-areas.js';
import { gridDistance } from './distance.js';
import { cellCenter } from './grid.js';
import { defaultGrid, type Cell, type Grid, type Point } from './grid-types.js';
import { pointInPolygon } from './polygon.js';

const square = defaultGrid();
const pointy: Grid = { ...square, type: 'hex-pointy' };
const flat: Grid = { ...square, type: 'hex-flat' };
const key = (c: Cell): string => `${c.q},${c.r}`;

describe('cellsInRadius', () => {
  it('counts the cells of each square diagonal rule', () => {
    const o = { q: 0, r: 0 };
    expect(cellsInRadius(square, o, 0)).toEqual([o]);
    expect(cellsInRadius(square, o, 1)).toHaveLength(9);
    expect(cellsInRadius(square, o, 2)).toHaveLength(25);
    // 5-10-5: the four corners of the 5x5 block are 3 away.
    const alt = cellsInRadius(square, o, 2, { diagonals: '5-10-5' });
    expect(alt).toHaveLength(21);
    expect(alt).not.toContainEqual({ q: 2, r: 2 });
    expect(cellsInRadius(square, o, 1, { diagonals: 'euclidean' })).toHaveLength(5);
    expect(cellsInRadius(square, o, 1.5, { diagonals: 'euclidean' })).toHaveLength(9);
  });

  it('gives a hex ring its 1 + 3n(n+1) cells, around any centre', () => {
    for (const grid of [pointy, flat]) {
      for (const n of [0, 1, 2, 5]) {
        const cells = cellsInRadius(grid, { q: 7, r: -3 }, n);
        expect(cells).toHaveLength(1 + 3 * n * (n + 1));
        for (const c of cells)
          expect(gridDistance(grid, c, { q: 7, r: -3 })).toBeLessThanOrEqual(n);
      }
    }
  });

  it('rejects a bad or huge radius', () => {
    expect(() => cellsInRadius(square, { q: 0, r: 0 }, -1)).toThrow(RangeError);
    expect(() => cellsInRadius(square, { q: 0, r: 0 }, Number.NaN)).toThrow(RangeError);
    expect(() => cellsInRadius(square, { q: 0, r: 0 }, Infinity)).toThrow(RangeError);
    expect(() => cellsInRadius(square, { q: 0, r: 0 }, 600)).toThrow(RangeError);
  });
});

describe('cellsInPolygon', () => {
  it('takes the cells whose centre is inside', () => {
    const box: Point[] = [
      { x: 0, y: 0 },
      { x: 200, y: 0 },
      { x: 200, y: 200 },
      { x: 0, y: 200 },
    ];
    expect(cellsInPolygon(square, box)).toEqual([
      { q: 0, r: 0 },
      { q: 1, r: 0 },
      { q: 0, r: 1 },
      { q: 1, r: 1 },
    ]);
    expect(cellsInPolygon(square, box.slice(0, 2))).toEqual([]);
  });

  it('matches a brute-force scan on every grid type (property)', () => {
    const arbPoint = fc.record({
      x: fc.double({ min: -700, max: 700, noNaN: true }),
      y: fc.double({ min: -700, max: 700, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(square, pointy, flat, { ...square, type: 'gridless' as const }),
        fc.double({ min: -60, max: 60, noNaN: true }),
        fc.array(arbPoint, { minLength: 3, maxLength: 8 }),
        (base, offset, polygon) => {
          const grid = { ...base, size: 70, offsetX: offset, offsetY: -offset };
          const expected: string[] = [];
          for (let r = -20; r <= 20; r++) {
            for (let q = -20; q <= 20; q++) {
              if (pointInPolygon(cellCenter(grid, { q, r }), polygon)) expected.push(key({ q, r }));
            }
          }
          expect(cellsInPolygon(grid, polygon).map(key).sort()).toEqual(expected.sort());
        },
      ),
      { seed: 7_2024, numRuns: 200 },
    );
  });

  it('rejects a polygon spanning too many cells', () => {
    const huge: Point[] = [
      { x: 0, y: 0 },
      { x: 1e6, y: 0 },
      { x: 0, y: 1e6 },
    ];
    expect(() => cellsInPolygon(square, huge)).toThrow(RangeError);
  });
});
