import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactFog } from './fog-compact.js';
import { FOG_LIMITS, type FogLimits } from './fog-limits.js';
import type { FogOp, FogShape, FogState } from './fog-types.js';
import { isCellRevealed, isPointRevealed } from './fog.js';
import { cellCenter } from './grid.js';
import { defaultGrid, type Grid, type Point } from './grid-types.js';

const SEED = 424242;
const square = defaultGrid();
const on = (...ops: FogOp[]): FogState => ({ enabled: true, ops });
const cells = (...qr: [number, number][]): FogShape => ({
  kind: 'cells',
  cells: qr.map(([q, r]) => ({ q, r })),
});
const tri = (x: number): FogShape => ({
  kind: 'polygon',
  points: [
    { x, y: 0 },
    { x: x + 100, y: 0 },
    { x, y: 100 },
  ],
});
const reveal = (shape: FogShape): FogOp => ({ mode: 'reveal', shape });
const hide = (shape: FogShape): FogOp => ({ mode: 'hide', shape });
const all: FogShape = { kind: 'all' };

// Small coordinates so that ops overlap a lot.
const arbShape: fc.Arbitrary<FogShape> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('cells' as const),
      cells: fc.array(
        fc.record({ q: fc.integer({ min: -4, max: 4 }), r: fc.integer({ min: -4, max: 4 }) }),
        { maxLength: 6 },
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('polygon' as const),
      points: fc.array(
        fc.record({
          x: fc.integer({ min: -400, max: 400 }),
          y: fc.integer({ min: -400, max: 400 }),
        }),
        { minLength: 0, maxLength: 6 },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'all' as const }) },
);
const arbOp: fc.Arbitrary<FogOp> = fc.record({
  mode: fc.constantFrom('reveal' as const, 'hide' as const),
  shape: arbShape,
});
const arbGrid: fc.Arbitrary<Grid> = fc.constantFrom<Grid>(
  square,
  { ...square, type: 'hex-pointy', size: 80 },
  { ...square, type: 'hex-flat', offsetX: 13 },
);
const arbPoints = fc.array(
  fc.record({
    x: fc.double({ min: -500, max: 500, noNaN: true }),
    y: fc.double({ min: -500, max: 500, noNaN: true }),
  }),
  { minLength: 40, maxLength: 40 },
);

/** Every cell centre of the region the ops touch, plus random points. */
function probes(grid: Grid, random: Point[]): Point[] {
  const out = [...random];
  for (let q = -5; q <= 5; q++) for (let r = -5; r <= 5; r++) out.push(cellCenter(grid, { q, r }));
  return out;
}

describe('compactFog', () => {
  it('preserves isPointRevealed and isCellRevealed for random ops and points (property)', () => {
    fc.assert(
      fc.property(arbGrid, fc.array(arbOp, { maxLength: 40 }), arbPoints, (grid, ops, random) => {
        const fog = on(...ops);
        const compact = compactFog(fog);
        expect(compact.ops.length).toBeLessThanOrEqual(ops.length);
        for (const p of probes(grid, random)) {
          expect(isPointRevealed(compact, grid, p), JSON.stringify(p)).toBe(
            isPointRevealed(fog, grid, p),
          );
        }
        for (let q = -5; q <= 5; q++) {
          for (let r = -5; r <= 5; r++) {
            expect(isCellRevealed(compact, grid, { q, r })).toBe(
              isCellRevealed(fog, grid, { q, r }),
            );
          }
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('over tight limits, fits them and only ever hides more (property)', () => {
    const tight: FogLimits = { ...FOG_LIMITS, maxOps: 3, maxTotalSize: 12, maxCellsPerShape: 6 };
    fc.assert(
      fc.property(arbGrid, fc.array(arbOp, { maxLength: 40 }), arbPoints, (grid, ops, random) => {
        const fog = on(...ops);
        const compact = compactFog(fog, tight);
        expect(compact.ops.length).toBeLessThanOrEqual(tight.maxOps);
        const size = compact.ops.reduce(
          (n, op) =>
            n +
            (op.shape.kind === 'cells'
              ? op.shape.cells.length
              : op.shape.kind === 'polygon'
                ? op.shape.points.length
                : 1),
          0,
        );
        expect(size).toBeLessThanOrEqual(tight.maxTotalSize);
        for (const p of probes(grid, random)) {
          if (isPointRevealed(compact, grid, p)) expect(isPointRevealed(fog, grid, p)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('drops everything before the last `all`', () => {
    const fog = on(reveal(cells([0, 0])), reveal(tri(0)), hide(all), reveal(cells([1, 0])));
    expect(compactFog(fog)).toEqual(on(reveal(cells([1, 0]))));
    const open = on(hide(tri(0)), reveal(all), hide(cells([1, 0])));
    expect(compactFog(open).ops).toEqual([reveal(all), hide(cells([1, 0]))]);
  });

  it('drops leading ops that change nothing', () => {
    expect(compactFog(on(hide(tri(0)), hide(cells([0, 0])), reveal(tri(5)))).ops).toEqual([
      reveal(tri(5)),
    ]);
    expect(compactFog(on(reveal(all), reveal(tri(0)), hide(tri(5)))).ops).toEqual([
      reveal(all),
      hide(tri(5)),
    ]);
    expect(compactFog(on(hide(all))).ops).toEqual([]);
  });

  it('removes cells and polygons that a later op repeats, and joins neighbouring cell ops', () => {
    const fog = on(
      reveal(cells([0, 0], [1, 0], [1, 0])),
      reveal(tri(0)),
      hide(cells([1, 0])),
      reveal(cells([2, 0])),
      reveal(cells([3, 0], [2, 0])),
      reveal(tri(0)),
    );
    expect(compactFog(fog).ops).toEqual([
      reveal(cells([0, 0])),
      hide(cells([1, 0])),
      reveal(cells([3, 0], [2, 0])),
      reveal(tri(0)),
    ]);
  });

  it('drops the oldest ops beyond maxOps', () => {
    const ops = Array.from({ length: 10 }, (_, i) => reveal(tri(i * 1000)));
    expect(compactFog(on(...ops), { ...FOG_LIMITS, maxOps: 4 }).ops).toEqual(ops.slice(6));
  });

  it('keeps `enabled` and leaves its input untouched', () => {
    const fog: FogState = {
      enabled: false,
      ops: [hide(cells([0, 0])), reveal(cells([0, 0], [1, 1]))],
    };
    const before: unknown = JSON.parse(JSON.stringify(fog));
    const compact = compactFog(fog);
    expect(compact.enabled).toBe(false);
    expect(fog).toEqual(before);
    expect(compact.ops).toEqual([reveal(cells([0, 0], [1, 1]))]);
  });
});
