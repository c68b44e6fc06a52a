import { describe, expect, it } from 'vitest';
import { FOG_LIMITS, validateFogShape } from './fog-limits.js';

const tri = [
  { x: 0, y: 0 },
  { x: 10, y: 0 },
  { x: 0, y: 10 },
];

describe('validateFogShape', () => {
  it('accepts valid shapes', () => {
    expect(validateFogShape({ kind: 'all' })).toBeNull();
    expect(validateFogShape({ kind: 'cells', cells: [{ q: -3, r: 4 }] })).toBeNull();
    expect(validateFogShape({ kind: 'polygon', points: tri })).toBeNull();
    const full = Array.from({ length: FOG_LIMITS.maxCellsPerShape }, (_, q) => ({ q, r: 0 }));
    expect(validateFogShape({ kind: 'cells', cells: full })).toBeNull();
  });

  it('rejects malformed shapes', () => {
    for (const bad of [
      null,
      'all',
      { kind: 'circle' },
      { kind: 'cells' },
      { kind: 'cells', cells: [] },
      { kind: 'cells', cells: [{ q: 1.5, r: 0 }] },
      { kind: 'cells', cells: [{ q: '1', r: 0 }] },
      { kind: 'polygon', points: tri.slice(0, 2) },
      { kind: 'polygon', points: [...tri, { x: Number.NaN, y: 0 }] },
      { kind: 'polygon', points: [...tri, { x: Infinity, y: 0 }] },
      { kind: 'polygon', points: [...tri, null] },
    ]) {
      expect(validateFogShape(bad), JSON.stringify(bad)).toEqual(expect.any(String));
    }
  });

  it('enforces the size limits, also tighter ones passed in', () => {
    const tooMany = Array.from({ length: FOG_LIMITS.maxCellsPerShape + 1 }, (_, q) => ({
      q,
      r: 0,
    }));
    expect(validateFogShape({ kind: 'cells', cells: tooMany })).toContain(
      String(FOG_LIMITS.maxCellsPerShape),
    );
    const far = FOG_LIMITS.maxCoordinate + 1;
    expect(validateFogShape({ kind: 'cells', cells: [{ q: far, r: 0 }] })).not.toBeNull();
    expect(
      validateFogShape({ kind: 'polygon', points: [...tri, { x: 0, y: -far }] }),
    ).not.toBeNull();
    const tight = { ...FOG_LIMITS, maxPolygonPoints: 3, maxCellsPerShape: 1 };
    expect(validateFogShape({ kind: 'polygon', points: tri }, tight)).toBeNull();
    expect(validateFogShape({ kind: 'polygon', points: [...tri, tri[0]] }, tight)).not.toBeNull();
    expect(
      validateFogShape(
        {
          kind: 'cells',
          cells: [
            { q: 0, r: 0 },
            { q: 1, r: 0 },
          ],
        },
        tight,
      ),
    ).not.toBeNull();
  });
});
