import { describe, expect, it } from 'vitest';
import { isCellRevealed, isPointRevealed } from './fog.js';
import type { FogOp, FogShape, FogState } from './fog-types.js';
import { defaultFog } from './fog-types.js';
import { cellCenter } from './grid.js';
import { defaultGrid, type Grid } from './grid-types.js';

const grid = defaultGrid();
const pointy: Grid = { ...grid, type: 'hex-pointy' };
const on = (...ops: FogOp[]): FogState => ({ enabled: true, ops });
const reveal = (shape: FogShape): FogOp => ({ mode: 'reveal', shape });
const hide = (shape: FogShape): FogOp => ({ mode: 'hide', shape });
const all: FogShape = { kind: 'all' };
// Pixels 0..300 x 0..300: cells (0..2, 0..2).
const room: FogShape = {
  kind: 'polygon',
  points: [
    { x: 0, y: 0 },
    { x: 300, y: 0 },
    { x: 300, y: 300 },
    { x: 0, y: 300 },
  ],
};
const middle: FogShape = { kind: 'cells', cells: [{ q: 1, r: 1 }] };
const inMiddle = { x: 150, y: 150 };
const inRoom = { x: 20, y: 20 };
const outside = { x: 500, y: 500 };

describe('isPointRevealed', () => {
  it('hides everything when fog is on and nothing was revealed', () => {
    expect(isPointRevealed(on(), grid, inRoom)).toBe(false);
    expect(isPointRevealed(on(hide(all)), grid, inRoom)).toBe(false);
  });

  it('reveals everything when fog is disabled, whatever the ops say', () => {
    expect(isPointRevealed(defaultFog(), grid, outside)).toBe(true);
    expect(isPointRevealed({ enabled: false, ops: [hide(all)] }, grid, inRoom)).toBe(true);
  });

  it('lets the last op covering a point win: reveal, then hide, then reveal', () => {
    const r1 = on(reveal(room));
    expect(isPointRevealed(r1, grid, inMiddle)).toBe(true);
    expect(isPointRevealed(r1, grid, inRoom)).toBe(true);
    expect(isPointRevealed(r1, grid, outside)).toBe(false);

    const r2 = on(reveal(room), hide(middle));
    expect(isPointRevealed(r2, grid, inMiddle)).toBe(false);
    expect(isPointRevealed(r2, grid, inRoom)).toBe(true);

    const r3 = on(reveal(room), hide(middle), reveal({ kind: 'cells', cells: [{ q: 1, r: 1 }] }));
    expect(isPointRevealed(r3, grid, inMiddle)).toBe(true);

    // Order matters: the same ops the other way round hide the middle.
    const swapped = on(reveal(middle), reveal(room), hide(middle));
    expect(isPointRevealed(swapped, grid, inMiddle)).toBe(false);
  });

  it('covers the whole scene with `all`, and later ops still override it', () => {
    const fog = on(reveal(room), hide(all));
    expect(isPointRevealed(fog, grid, inRoom)).toBe(false);
    const open = on(hide(room), reveal(all), hide(middle));
    expect(isPointRevealed(open, grid, outside)).toBe(true);
    expect(isPointRevealed(open, grid, inRoom)).toBe(true);
    expect(isPointRevealed(open, grid, inMiddle)).toBe(false);
  });

  it('matches cells by the cell containing the point, on hex grids too', () => {
    const c = { q: 2, r: -1 };
    const fog = on(reveal({ kind: 'cells', cells: [{ q: 9, r: 9 }, c] }));
    const center = cellCenter(pointy, c);
    expect(isPointRevealed(fog, pointy, center)).toBe(true);
    expect(isPointRevealed(fog, pointy, { x: center.x + 60, y: center.y })).toBe(false);
    expect(isPointRevealed(fog, pointy, { x: center.x + 10, y: center.y - 10 })).toBe(true);
  });

  it('uses the even-odd rule for polygons (a concave room)', () => {
    const l: FogShape = {
      kind: 'polygon',
      points: [
        { x: 0, y: 0 },
        { x: 400, y: 0 },
        { x: 400, y: 200 },
        { x: 200, y: 200 },
        { x: 200, y: 400 },
        { x: 0, y: 400 },
      ],
    };
    const fog = on(reveal(l));
    expect(isPointRevealed(fog, grid, { x: 100, y: 300 })).toBe(true);
    expect(isPointRevealed(fog, grid, { x: 300, y: 100 })).toBe(true);
    expect(isPointRevealed(fog, grid, { x: 300, y: 300 })).toBe(false);
  });

  it('treats a shape kind it does not know as covering nothing', () => {
    const future = { mode: 'hide', shape: { kind: 'circle', r: 5 } } as unknown as FogOp;
    expect(isPointRevealed(on(reveal(all), future), grid, inRoom)).toBe(true);
  });
});

describe('isCellRevealed', () => {
  it('follows the same rules, testing polygons at the cell centre', () => {
    const fog = on(reveal(room), hide(middle));
    expect(isCellRevealed(fog, grid, { q: 0, r: 0 })).toBe(true);
    expect(isCellRevealed(fog, grid, { q: 1, r: 1 })).toBe(false);
    expect(isCellRevealed(fog, grid, { q: 3, r: 0 })).toBe(false);
    // A polygon over part of a cell reveals it only if it holds the centre.
    const sliver: FogShape = {
      kind: 'polygon',
      points: [
        { x: 400, y: 0 },
        { x: 440, y: 0 },
        { x: 440, y: 100 },
      ],
    };
    expect(isCellRevealed(on(reveal(sliver)), grid, { q: 4, r: 0 })).toBe(false);
    expect(isCellRevealed({ enabled: false, ops: [] }, grid, { q: 4, r: 0 })).toBe(true);
    expect(isCellRevealed(on(reveal(all)), pointy, { q: -3, r: 8 })).toBe(true);
  });
});
