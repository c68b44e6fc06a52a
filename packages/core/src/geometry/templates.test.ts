import { describe, expect, it } from 'vitest';
import { fixtureTable, run, USERS } from '../../test-support/table-fixture.js';
import type { Token } from '../model/documents.js';
import { CONE_APERTURE_5E, type MeasuredTemplate } from '../model/scene-marks.js';
import type { TableState } from '../model/state.js';
import { cellsInRadius } from './cell-areas.js';
import { cellCenter } from './grid.js';
import type { Cell, Grid, GridType } from './grid-types.js';
import { footprintCells, templateCells, tokensInTemplate } from './templates.js';

/** 100 px squares of 5 ft. */
const grid = (type: GridType = 'square'): Grid => ({
  type,
  size: 100,
  offsetX: 0,
  offsetY: 0,
  units: 'ft',
  distance: 5,
});
const scene = (type: GridType = 'square') => ({ grid: grid(type) });

const template = (fields: Partial<MeasuredTemplate>): MeasuredTemplate => ({
  id: 't',
  sceneId: 's1',
  shape: 'circle',
  origin: { x: 0, y: 0 },
  size: 20,
  width: null,
  angle: 0,
  aperture: CONE_APERTURE_5E,
  color: '#ff4500',
  label: null,
  visibility: 'public',
  author: USERS.gm,
  flags: {},
  ...fields,
});

const key = (c: Cell) => `${c.q},${c.r}`;
const keys = (cells: readonly Cell[]) => cells.map(key).sort();

describe('templateCells on a square grid (a cell counts when its centre is inside)', () => {
  it('covers 52 squares with a 20 ft radius circle from a grid intersection', () => {
    const cells = templateCells(template({ origin: { x: 1000, y: 1000 } }), scene());
    expect(cells).toHaveLength(52);
    // Symmetric about the intersection: 13 squares per quadrant, 4 across the middle rows.
    expect(cells.filter((c) => c.q >= 10 && c.r >= 10)).toHaveLength(13);
    expect(cells.filter((c) => c.r === 10).map((c) => c.q)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
    expect(cells.filter((c) => c.r === 6).map((c) => c.q)).toEqual([8, 9, 10, 11]);
  });

  it('measures in the grid`s units: 20 ft is 2 squares of 10 ft', () => {
    const tenFoot = { grid: { ...grid(), distance: 10 } };
    expect(templateCells(template({ origin: { x: 500, y: 500 } }), tenFoot)).toHaveLength(12);
  });

  it('covers 72 squares with a 60 ft cone, at 0° and at 45°', () => {
    const east = templateCells(template({ shape: 'cone', size: 60 }), scene());
    expect(east).toHaveLength(72);
    // The 5e cone is as wide as it is far: the 12th column holds 12 squares.
    expect(east.filter((c) => c.q === 11)).toHaveLength(12);
    expect(east.every((c) => c.q >= 0 && c.q < 12)).toBe(true);
    const diagonal = templateCells(template({ shape: 'cone', size: 60, angle: 45 }), scene());
    expect(diagonal).toHaveLength(72);
    // Mirror-symmetric about the diagonal it points along.
    expect(keys(diagonal)).toEqual(keys(diagonal.map((c) => ({ q: c.r, r: c.q }))));
  });

  it('takes a 15 ft cone as 4 squares east and 6 along a diagonal', () => {
    expect(keys(templateCells(template({ shape: 'cone', size: 15 }), scene()))).toEqual(
      keys([
        { q: 1, r: -1 },
        { q: 2, r: -1 },
        { q: 1, r: 0 },
        { q: 2, r: 0 },
      ]),
    );
    expect(templateCells(template({ shape: 'cone', size: 15, angle: 45 }), scene())).toHaveLength(
      6,
    );
  });

  it('covers one row of 6 squares with a 30 ft line from the middle of a cell`s edge', () => {
    const line = templateCells(
      template({ shape: 'line', size: 30, origin: { x: 0, y: 50 } }),
      scene(),
    );
    expect(line).toEqual([0, 1, 2, 3, 4, 5].map((q) => ({ q, r: 0 })));
    const down = templateCells(
      template({ shape: 'line', size: 30, origin: { x: 50, y: 0 }, angle: 90 }),
      scene(),
    );
    expect(down).toEqual([0, 1, 2, 3, 4, 5].map((r) => ({ q: 0, r })));
    // 10 ft wide from a grid line: the two rows either side of it.
    const wide = templateCells(template({ shape: 'line', size: 30, width: 10 }), scene());
    expect(wide).toHaveLength(12);
  });

  it('counts a centre exactly on the edge: a 5 ft line along a grid line covers both rows', () => {
    expect(templateCells(template({ shape: 'line', size: 30 }), scene())).toHaveLength(12);
  });

  it('places rectangles from their corner: a square by default, size along the angle', () => {
    expect(keys(templateCells(template({ shape: 'rect', size: 10 }), scene()))).toEqual(
      keys([
        { q: 0, r: 0 },
        { q: 1, r: 0 },
        { q: 0, r: 1 },
        { q: 1, r: 1 },
      ]),
    );
    const turned = templateCells(
      template({ shape: 'rect', size: 10, width: 15, angle: 90 }),
      scene(),
    );
    expect(keys(turned)).toEqual(keys([-3, -2, -1].flatMap((q) => [0, 1].map((r) => ({ q, r })))));
  });

  it('gives the same cells for angles that differ by whole turns', () => {
    const at = (angle: number) =>
      keys(templateCells(template({ shape: 'cone', size: 30, angle }), scene()));
    expect(at(405)).toEqual(at(45));
    expect(at(-315)).toEqual(at(45));
    expect(at(-90)).toEqual(at(270));
  });

  it('refuses a template spanning more than MAX_AREA_CELLS cells', () => {
    expect(() => templateCells(template({ size: 50_000 }), scene())).toThrow(RangeError);
  });
});

describe('templateCells on hex grids', () => {
  for (const type of ['hex-flat', 'hex-pointy'] as const) {
    it(`covers the 61 hexes within 4 steps with a 20 ft circle from a hex centre (${type})`, () => {
      const origin = cellCenter(grid(type), { q: 2, r: 3 });
      const cells = templateCells(template({ origin }), scene(type));
      expect(cells).toHaveLength(61);
      expect(keys(cells)).toEqual(keys(cellsInRadius(grid(type), { q: 2, r: 3 }, 4)));
    });

    it(`covers a 60 ft cone and a 30 ft line from a hex centre, hexes nearer first (${type})`, () => {
      const origin = cellCenter(grid(type), { q: 0, r: 0 });
      const cone = templateCells(template({ shape: 'cone', size: 60, origin }), scene(type));
      expect(cone.length).toBe(type === 'hex-flat' ? 79 : 87);
      const line = templateCells(template({ shape: 'line', size: 30, origin }), scene(type));
      expect(line).toHaveLength(type === 'hex-flat' ? 10 : 7);
      expect(line).toContainEqual({ q: 0, r: 0 });
    });
  }

  it('runs a pointy-hex line along a row: the origin hex and the 6 beyond it', () => {
    const origin = cellCenter(grid('hex-pointy'), { q: 0, r: 0 });
    const line = templateCells(template({ shape: 'line', size: 30, origin }), scene('hex-pointy'));
    expect(line).toEqual([0, 1, 2, 3, 4, 5, 6].map((q) => ({ q, r: 0 })));
  });
});

const token = (fields: Partial<Token>): Token => ({
  id: 'tk',
  sceneId: 's1',
  name: 'Goblin',
  x: 0,
  y: 0,
  width: 1,
  height: 1,
  rotation: 0,
  elevation: 0,
  image: null,
  layer: 'tokens',
  hidden: false,
  actorId: null,
  bars: {},
  statuses: [],
  flags: {},
  ...fields,
});

describe('footprintCells', () => {
  it('gives the width × height squares a token on the grid covers', () => {
    expect(footprintCells(token({ x: 100, y: 0, width: 2, height: 2 }), scene())).toEqual([
      { q: 1, r: 0 },
      { q: 2, r: 0 },
      { q: 1, r: 1 },
      { q: 2, r: 1 },
    ]);
    expect(footprintCells(token({ x: 300, y: 400 }), scene())).toEqual([{ q: 3, r: 4 }]);
  });

  it('gives a tiny token the cell under its centre', () => {
    expect(footprintCells(token({ x: 310, y: 410, width: 0.25, height: 0.25 }), scene())).toEqual([
      { q: 3, r: 4 },
    ]);
  });

  it('gives a one-hex token centred on a hex that hex (both orientations)', () => {
    for (const type of ['hex-flat', 'hex-pointy'] as const) {
      const c = cellCenter(grid(type), { q: 3, r: -1 });
      expect(footprintCells(token({ x: c.x - 50, y: c.y - 50 }), scene(type))).toEqual([
        { q: 3, r: -1 },
      ]);
    }
  });
});

/** The fixture table with scene `s1` on `type` and goblins placed by cell. */
function battlefield(type: GridType, tokens: Record<string, Partial<Token>>): TableState {
  let s = fixtureTable();
  s = run(s, USERS.gm, 'core:update-scene', { sceneId: 's1', patch: { grid: grid(type) } }).state;
  s = run(s, USERS.gm, 'core:create-scene', { id: 's2', name: 'Elsewhere' }).state;
  for (const [id, t] of Object.entries(tokens)) {
    s = run(s, USERS.gm, 'core:create-token', {
      id,
      sceneId: t.sceneId ?? 's1',
      name: id,
      x: t.x ?? 0,
      y: t.y ?? 0,
      width: t.width ?? 1,
      height: t.height ?? 1,
      hidden: t.hidden ?? false,
    }).state;
  }
  return s;
}

const place = (s: TableState, fields: Record<string, unknown>) =>
  run(s, USERS.gm, 'core:create-template', {
    id: 'fx',
    sceneId: 's1',
    shape: 'circle',
    origin: { x: 1000, y: 1000 },
    size: 20,
    ...fields,
  } as never).state;

describe('tokensInTemplate', () => {
  it('hits the tokens on the covered squares, big ones by any square, hidden ones too', () => {
    const s = battlefield('square', {
      inside: { x: 900, y: 900 }, // (9, 9): its centre 0.7 cells away
      rim: { x: 1200, y: 700 }, // (12, 7): 3.54 cells
      outside: { x: 1300, y: 1300 }, // (13, 13): 4.95 cells
      ogre: { x: 1300, y: 1300, width: 2, height: 2, hidden: true }, // none of its 4 squares
      giant: { x: 1350, y: 1050, width: 2, height: 2 }, // off the grid; holds the centre of (13, 10)
      wyrm: { x: 0, y: 0, width: 7, height: 7 }, // its nearest square (6, 6) is 4.95 cells away
      dragon: { x: 400, y: 800, width: 4, height: 4, hidden: true }, // (7, 9) is 2.55 cells away
      faraway: { x: 900, y: 900, sceneId: 's2' },
    });
    const t = place(s, {});
    expect(tokensInTemplate(t, 'fx')).toEqual(['dragon', 'giant', 'inside', 'rim']);
  });

  it('hits along a cone and a line the way the cells are covered', () => {
    const s = battlefield('square', {
      near: { x: 100, y: 0 }, // (1, 0)
      beside: { x: 100, y: 100 }, // (1, 1): outside the cone's first column
      far: { x: 1100, y: 500 }, // (11, 5): the last column of a 60 ft cone
      behind: { x: -200, y: 0 },
    });
    const cone = place(s, { shape: 'cone', size: 60, origin: { x: 0, y: 50 } });
    expect(tokensInTemplate(cone, 'fx')).toEqual(['far', 'near']);
    const line = place(s, { shape: 'line', size: 60, origin: { x: 0, y: 50 } });
    expect(tokensInTemplate(line, 'fx')).toEqual(['near']);
  });

  it('works on both hex orientations', () => {
    for (const type of ['hex-flat', 'hex-pointy'] as const) {
      const at = (q: number, r: number) => {
        const c = cellCenter(grid(type), { q, r });
        return { x: c.x - 50, y: c.y - 50 };
      };
      const s = battlefield(type, { four: at(4, 0), five: at(5, 0), diag: at(2, 2) });
      const t = place(s, { origin: cellCenter(grid(type), { q: 0, r: 0 }) });
      expect(tokensInTemplate(t, 'fx'), type).toEqual(['diag', 'four']);
    }
  });

  it('on a gridless scene, hits the tokens whose footprint the shape touches', () => {
    const s = battlefield('gridless', {
      grazed: { x: 1350, y: 950 }, // its left edge is 350 px away, inside the 400 px radius
      clear: { x: 1450, y: 950 },
      corner: { x: 1290, y: 1290 }, // corner 410 px away: missed
      under: { x: 900, y: 900, width: 2, height: 2 },
    });
    expect(tokensInTemplate(place(s, {}), 'fx')).toEqual(['grazed', 'under']);
    const cone = place(s, { shape: 'cone', size: 30, origin: { x: 1000, y: 1000 }, angle: 0 });
    // 600 px long and as wide as it is far: at 450 px out it spans 775..1225 px.
    expect(tokensInTemplate(cone, 'fx')).toEqual(['clear', 'grazed', 'under']);
    const thin = place(s, { shape: 'line', size: 30, origin: { x: 1000, y: 1200 }, angle: 0 });
    // 100 px wide along y = 1200: touches `under` (to 1100)? no; `corner` (1290..1390)? no.
    expect(tokensInTemplate(thin, 'fx')).toEqual([]);
    const low = place(s, { shape: 'line', size: 30, origin: { x: 1000, y: 1300 }, angle: 0 });
    expect(tokensInTemplate(low, 'fx')).toEqual(['corner']);
    // Turned 45° about the same origin the line passes the corner token's box by.
    const turned = place(s, { shape: 'line', size: 30, origin: { x: 1000, y: 1300 }, angle: 315 });
    expect(tokensInTemplate(turned, 'fx')).toEqual(['grazed']);
  });

  it('answers VTT_ERR_DOCUMENT_NOT_FOUND for an unknown template', () => {
    expect(() => tokensInTemplate(fixtureTable(), 'nope')).toThrow(
      expect.objectContaining({ code: 'VTT_ERR_DOCUMENT_NOT_FOUND' }),
    );
  });
});
