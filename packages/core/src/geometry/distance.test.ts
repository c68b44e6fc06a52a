import { describe, expect, it } from 'vitest';
import { gridDistance, measure } from './distance.js';
import { cellCenter } from './grid.js';
import { defaultGrid, type Cell, type DiagonalRule, type Grid } from './grid-types.js';

const square = defaultGrid();
const pointy: Grid = { ...square, type: 'hex-pointy' };
const flat: Grid = { ...square, type: 'hex-flat' };
const gridless: Grid = { ...square, type: 'gridless' };
const o: Cell = { q: 0, r: 0 };

describe('gridDistance on square grids', () => {
  const cases: [Cell, Record<DiagonalRule, number>][] = [
    [
      { q: 5, r: 0 },
      { '5-5-5': 5, '5-10-5': 5, euclidean: 5 },
    ],
    [
      { q: 1, r: 1 },
      { '5-5-5': 1, '5-10-5': 1, euclidean: Math.SQRT2 },
    ],
    [
      { q: 2, r: 2 },
      { '5-5-5': 2, '5-10-5': 3, euclidean: 2 * Math.SQRT2 },
    ],
    [
      { q: 3, r: 3 },
      { '5-5-5': 3, '5-10-5': 4, euclidean: 3 * Math.SQRT2 },
    ],
    [
      { q: 3, r: 4 },
      { '5-5-5': 4, '5-10-5': 5, euclidean: 5 },
    ],
    [
      { q: -6, r: 2 },
      { '5-5-5': 6, '5-10-5': 7, euclidean: Math.sqrt(40) },
    ],
    [
      { q: -4, r: -4 },
      { '5-5-5': 4, '5-10-5': 6, euclidean: 4 * Math.SQRT2 },
    ],
  ];
  for (const [to, expected] of cases) {
    for (const rule of ['5-5-5', '5-10-5', 'euclidean'] as const) {
      it(`${rule}: (0,0) to (${to.q},${to.r}) is ${expected[rule].toFixed(3)} cells`, () => {
        expect(gridDistance(square, o, to, { diagonals: rule })).toBeCloseTo(expected[rule], 12);
        expect(gridDistance(square, to, o, { diagonals: rule })).toBeCloseTo(expected[rule], 12);
      });
    }
  }

  it("defaults to '5-5-5'", () => {
    expect(gridDistance(square, o, { q: 2, r: 2 })).toBe(2);
  });
});

describe('gridDistance on hex grids', () => {
  const pairs: [Cell, Cell, number][] = [
    [o, o, 0],
    [o, { q: 1, r: 0 }, 1],
    [o, { q: 1, r: -1 }, 1],
    [o, { q: 1, r: 1 }, 2],
    [o, { q: 3, r: -1 }, 3],
    [o, { q: 2, r: 2 }, 4],
    [{ q: -2, r: 3 }, { q: 3, r: -3 }, 6],
    [{ q: 4, r: -7 }, { q: -1, r: 1 }, 8],
  ];
  for (const [a, b, steps] of pairs) {
    it(`(${a.q},${a.r}) to (${b.q},${b.r}) is ${steps} steps on both orientations`, () => {
      expect(gridDistance(pointy, a, b)).toBe(steps);
      expect(gridDistance(flat, b, a)).toBe(steps);
      // The diagonal rule is a square-grid matter only.
      expect(gridDistance(pointy, a, b, { diagonals: '5-10-5' })).toBe(steps);
    });
  }
});

describe('measure', () => {
  it('gridless: straight pixels / size * distance', () => {
    expect(measure(gridless, { x: 0, y: 0 }, { x: 300, y: 400 })).toBe(25);
    expect(
      measure({ ...gridless, size: 50, distance: 1.5 }, { x: 10, y: 10 }, { x: 60, y: 10 }),
    ).toBe(1.5);
  });

  it('square: cells between the cells holding the points, times distance', () => {
    expect(measure(square, { x: 50, y: 50 }, { x: 350, y: 450 })).toBe(20);
    expect(measure(square, { x: 50, y: 50 }, { x: 350, y: 450 }, { diagonals: '5-10-5' })).toBe(25);
    expect(measure(square, { x: 1, y: 1 }, { x: 99, y: 99 })).toBe(0);
    expect(
      measure({ ...square, units: 'm', distance: 1.5 }, { x: 10, y: 10 }, { x: 210, y: 10 }),
    ).toBe(3);
  });

  it('hex: hex steps times distance', () => {
    for (const grid of [pointy, flat]) {
      const a = cellCenter(grid, { q: -1, r: 2 });
      const b = cellCenter(grid, { q: 2, r: -2 });
      expect(measure(grid, a, b)).toBe(4 * 5);
    }
  });
});
