import { cellAt, cellCenter, cellPolygon, measure, type Grid } from '@vtt/core';
import { describe, expect, it } from 'vitest';
import {
  formatDistance,
  rulerDistance,
  safeImageUrl,
  snapTokenPosition,
  stepTokenPosition,
  tokenCentre,
} from './map-geometry.js';
import { seededRandom } from '../../client/test-support/table-fixture.js';

const SQUARE: Grid = {
  type: 'square',
  size: 100,
  offsetX: 0,
  offsetY: 0,
  units: 'ft',
  distance: 5,
};
const GRIDS: Grid[] = [
  SQUARE,
  { ...SQUARE, type: 'hex-pointy', size: 80, offsetX: 13, offsetY: -7 },
  { ...SQUARE, type: 'hex-flat', size: 90 },
];

describe('map geometry', () => {
  it('snaps one-cell tokens onto the centre of the cell under them, on every grid (seeded points)', () => {
    const random = seededRandom(42);
    for (const grid of GRIDS) {
      for (let i = 0; i < 200; i++) {
        const at = { x: random() * 2000 - 200, y: random() * 2000 - 200 };
        const snapped = snapTokenPosition({ width: 1, height: 1 }, grid, at);
        const centre = tokenCentre({ width: 1, height: 1 }, grid, snapped);
        const cell = cellAt(grid, tokenCentre({ width: 1, height: 1 }, grid, at));
        const expected = cellCenter(grid, cell);
        expect(
          Math.abs(centre.x - expected.x),
          `seed 42, ${grid.type} ${at.x},${at.y}`,
        ).toBeLessThanOrEqual(0.5);
        expect(Math.abs(centre.y - expected.y)).toBeLessThanOrEqual(0.5);
      }
    }
  });

  it('puts square tokens of any size on grid corners, and steps one cell', () => {
    const ogre = { width: 2, height: 2, x: 400, y: 200 };
    expect(snapTokenPosition(ogre, SQUARE, { x: 449, y: 151 })).toEqual({ x: 400, y: 200 });
    expect(snapTokenPosition(ogre, SQUARE, { x: 451, y: 249 })).toEqual({ x: 500, y: 200 });
    expect(cellPolygon(SQUARE, { q: 5, r: 2 })[0]).toEqual({ x: 500, y: 200 });
    expect(stepTokenPosition(ogre, SQUARE, 1, 0)).toEqual({ x: 500, y: 200 });
    expect(stepTokenPosition(ogre, SQUARE, 0, -1)).toEqual({ x: 400, y: 100 });
  });

  it('measures the ruler as core does, with the diagonal rule', () => {
    const token = { width: 1, height: 1 };
    const from = { x: 0, y: 0 };
    const to = { x: 300, y: 400 };
    expect(rulerDistance(token, SQUARE, from, to, '5-5-5')).toBe(20);
    expect(rulerDistance(token, SQUARE, from, to, '5-10-5')).toBe(
      measure(SQUARE, { x: 50, y: 50 }, { x: 350, y: 450 }, { diagonals: '5-10-5' }),
    );
    expect(rulerDistance(token, SQUARE, from, to, '5-10-5')).toBe(25);
    expect(formatDistance(7.5, 'm')).toBe('7.5 m');
  });

  it('loads images only from http, https or relative URLs', () => {
    expect(safeImageUrl('/api/campaigns/c1/assets/a1')).toBe('/api/campaigns/c1/assets/a1');
    expect(safeImageUrl('https://cdn.example.org/t.png')).toBe('https://cdn.example.org/t.png');
    for (const bad of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:image/svg+xml,<svg>',
      '//evil.example/x.png',
      '',
      null,
    ]) {
      expect(safeImageUrl(bad)).toBeNull();
    }
  });
});
