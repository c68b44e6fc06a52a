import { describe, expect, it } from 'vitest';
import {
  createdId,
  errorCode,
  fixtureTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { STATE_LIMITS } from '../limits/state-limits.js';
import { reviveState, type DocsJson } from '../model/revive.js';
import { CONE_APERTURE_5E, DRAWING_LIMITS, templatesOf } from '../model/scene-marks.js';
import type { TableState } from '../model/state.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2, obs } = USERS;

/** The canary in every field of the GM-only marks that can hold text. */
const CANARY = 'CANARYMARK';

/**
 * The fixture table with a hidden scene `s2`, a GM-only template and drawing
 * full of canaries, and p1's public template `fireball` and drawing `arrow`
 * (ids the server chose: players choose none).
 */
function markedTable(): { s: TableState; fireball: string; arrow: string } {
  let s = fixtureTable();
  const as = (user: string, type: Parameters<typeof run>[2], payload: unknown) => {
    const r = run(s, user, type, payload as never);
    s = r.state;
    return createdId(r.events);
  };
  as(gm, 'core:create-scene', { id: 's2', name: 'Vault', hidden: true });
  as(gm, 'core:create-template', {
    id: `${CANARY}-t`,
    sceneId: 's1',
    shape: 'cone',
    origin: { x: 31337, y: 31337 },
    size: 15,
    width: 31.337,
    angle: 31.337,
    aperture: 31.337,
    color: CANARY,
    label: `${CANARY} trap`,
    flags: { pub: { shown: `${CANARY} flag` } },
  });
  as(gm, 'core:create-drawing', {
    id: `${CANARY}-d`,
    sceneId: 's1',
    shape: 'polygon',
    x: 31337,
    y: 31337,
    points: [
      { x: 0, y: 0 },
      { x: 31337, y: 0 },
      { x: 0, y: 31337 },
    ],
    rotation: 31.337,
    strokeColor: CANARY,
    strokeWidth: 31.337,
    fillColor: CANARY,
    text: `${CANARY} ambush`,
    flags: { pub: { shown: `${CANARY} flag` } },
  });
  const fireball = as(p1, 'core:create-template', {
    sceneId: 's1',
    shape: 'circle',
    origin: { x: 500, y: 500 },
    size: 20,
  });
  const arrow = as(p1, 'core:create-drawing', {
    sceneId: 's1',
    shape: 'line',
    x: 0,
    y: 0,
    points: [
      { x: 0, y: 0 },
      { x: 200, y: 0 },
    ],
  });
  return { s, fireball, arrow };
}

describe('templates and drawings: documents', () => {
  it('stores what was placed, with the defaults: GM marks GM-only, players` public', () => {
    const { s, fireball, arrow } = markedTable();
    expect(templatesOf(s).get(fireball)).toEqual({
      id: fireball,
      sceneId: 's1',
      shape: 'circle',
      origin: { x: 500, y: 500 },
      size: 20,
      width: null,
      angle: 0,
      aperture: CONE_APERTURE_5E,
      color: '#ff4500',
      label: null,
      visibility: 'public',
      author: p1,
      flags: {},
    });
    expect(s.templates.get(`${CANARY}-t`)?.visibility).toBe('gm');
    expect(s.drawings.get(arrow)).toMatchObject({ author: p1, visibility: 'public', width: 0 });
  });

  it('stores angles in [0, 360)', () => {
    const marked = markedTable();
    const { fireball, arrow } = marked;
    let s = marked.s;
    s = run(s, p1, 'core:update-template', { templateId: fireball, patch: { angle: -45 } }).state;
    expect(s.templates.get(fireball)?.angle).toBe(315);
    s = run(s, p1, 'core:update-template', { templateId: fireball, patch: { angle: 720 } }).state;
    expect(s.templates.get(fireball)?.angle).toBe(0);
    s = run(s, p1, 'core:update-drawing', { drawingId: arrow, patch: { rotation: 450 } }).state;
    expect(s.drawings.get(arrow)?.rotation).toBe(90);
  });

  it('refuses a zero or negative size, an unknown shape and bad colours by schema', () => {
    const { s } = markedTable();
    const base = { sceneId: 's1', shape: 'circle', origin: { x: 0, y: 0 } } as const;
    for (const bad of [
      { ...base, size: 0 },
      { ...base, size: -5 },
      { ...base, size: 10, width: 0 },
      { ...base, shape: 'star', size: 10 },
      { ...base, size: 10, color: 'red;background:url(x)' },
      { ...base, size: 10, aperture: 180 },
    ]) {
      expect(
        errorCode(() => run(s, gm, 'core:create-template', bad as never)),
        JSON.stringify(bad),
      ).toBe('VTT_ERR_ACTION_INVALID');
    }
  });

  it('refuses drawings whose points do not fit their shape, and more than the point cap', () => {
    const { s, arrow } = markedTable();
    const base = { sceneId: 's1', x: 0, y: 0 } as const;
    const pts = (n: number) => Array.from({ length: n }, (_, i) => ({ x: i, y: i * 2 }));
    for (const [shape, points, extra] of [
      ['freehand', pts(1), {}],
      ['polygon', pts(2), {}],
      ['line', pts(3), {}],
      ['rect', [], { width: 0, height: 10 }],
    ] as const) {
      expect(
        errorCode(() => run(s, p1, 'core:create-drawing', { ...base, shape, points, ...extra })),
        shape,
      ).toBe('VTT_ERR_DOCUMENT_INVALID');
    }
    expect(
      errorCode(() =>
        run(s, gm, 'core:create-drawing', {
          ...base,
          shape: 'freehand',
          points: pts(DRAWING_LIMITS.maxPoints + 1),
        }),
      ),
    ).toBe('VTT_ERR_ACTION_INVALID');
    const long = run(s, p1, 'core:create-drawing', {
      ...base,
      shape: 'freehand',
      points: pts(DRAWING_LIMITS.maxPoints),
    });
    expect(long.state.drawings.get(createdId(long.events))?.points).toHaveLength(
      DRAWING_LIMITS.maxPoints,
    );
    // An update that leaves a line with one point is refused as well.
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-drawing', { drawingId: arrow, patch: { points: pts(1) } }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_INVALID');
  });

  it('refuses a mark on a scene that does not exist', () => {
    const { s } = markedTable();
    expect(
      errorCode(() =>
        run(s, gm, 'core:create-template', {
          sceneId: 'nope',
          shape: 'circle',
          origin: { x: 0, y: 0 },
          size: 5,
        }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('deletes a scene`s templates and drawings with it, and undo brings them back', () => {
    const marked = markedTable();
    const { fireball, arrow } = marked;
    let s = marked.s;
    s = run(s, gm, 'core:create-template', {
      id: 'vault-trap',
      sceneId: 's2',
      shape: 'rect',
      origin: { x: 0, y: 0 },
      size: 10,
    }).state;
    const { state: gone, received } = runAndProject(
      s,
      gm,
      'core:delete-scene',
      { sceneId: 's1' },
      p1,
    );
    expect([...gone.templates.keys()]).toEqual(['vault-trap']);
    expect(gone.drawings.size).toBe(0);
    expect(received.length).toBeGreaterThan(0);
    const back = run(gone, gm, 'core:undo', {}).state;
    expect([...back.templates.keys()].sort()).toEqual(
      [`${CANARY}-t`, fireball, 'vault-trap'].sort(),
    );
    expect([...back.drawings.keys()].sort()).toEqual([`${CANARY}-d`, arrow].sort());
  });

  it('lets a player undo placing, moving and removing their own template', () => {
    const marked = markedTable();
    const { fireball } = marked;
    let s = marked.s;
    s = run(s, p1, 'core:update-template', {
      templateId: fireball,
      patch: { origin: { x: 700, y: 700 } },
    }).state;
    s = run(s, p1, 'core:undo', {}).state;
    expect(s.templates.get(fireball)?.origin).toEqual({ x: 500, y: 500 });
    s = run(s, p1, 'core:delete-template', { templateId: fireball }).state;
    s = run(s, p1, 'core:undo', {}).state;
    expect(s.templates.has(fireball)).toBe(true);
  });

  it('revives templates and drawings from JSON, and reads tables saved before them', () => {
    const { s } = markedTable();
    const json = JSON.parse(JSON.stringify(s)) as DocsJson<TableState>;
    expect(reviveState(json)).toStrictEqual(s);
    const { templates: _t, drawings: _d, ...old } = json;
    const before = reviveState(old as DocsJson<TableState>);
    expect(before.templates.size).toBe(0);
    const placed = run(before, p1, 'core:create-template', {
      sceneId: 's1',
      shape: 'circle',
      origin: { x: 0, y: 0 },
      size: 5,
    });
    expect(placed.state.templates.has(createdId(placed.events))).toBe(true);
  });

  it('counts a player`s templates and drawings toward their share of the table', () => {
    let s = fixtureTable();
    const text = 'x'.repeat(DRAWING_LIMITS.maxTextLength);
    let code: string | undefined;
    for (let i = 0; i < (2 * STATE_LIMITS.maxMemberChars) / text.length && !code; i++) {
      code = errorCode(() => {
        s = run(s, p1, 'core:create-drawing', {
          sceneId: 's1',
          shape: 'rect',
          x: 0,
          y: 0,
          width: 10,
          height: 10,
          text,
        }).state;
      });
    }
    expect(code).toBe('VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE');
  });
});

describe('templates and drawings: who may do what', () => {
  const moveFireball = (templateId: string) => ({ templateId, patch: { origin: { x: 1, y: 1 } } });

  it('lets the GM do everything, players` marks included', () => {
    const marked = markedTable();
    const { fireball, arrow } = marked;
    let s = marked.s;
    s = run(s, gm, 'core:update-template', moveFireball(fireball)).state;
    s = run(s, gm, 'core:update-template', {
      templateId: fireball,
      patch: { visibility: 'gm' },
    }).state;
    s = run(s, gm, 'core:delete-drawing', { drawingId: arrow }).state;
    s = run(s, gm, 'core:create-drawing', {
      sceneId: 's2',
      shape: 'ellipse',
      x: 0,
      y: 0,
      width: 10,
      height: 10,
    }).state;
    expect(s.templates.get(fireball)?.visibility).toBe('gm');
    expect(s.drawings.has(arrow)).toBe(false);
  });

  it('lets the author change and delete their own', () => {
    const marked = markedTable();
    const { fireball, arrow } = marked;
    let s = marked.s;
    s = run(s, p1, 'core:update-template', moveFireball(fireball)).state;
    s = run(s, p1, 'core:update-drawing', {
      drawingId: arrow,
      patch: { strokeColor: 'red', text: 'Charge!' },
    }).state;
    expect(s.drawings.get(arrow)).toMatchObject({ strokeColor: 'red', text: 'Charge!' });
    s = run(s, p1, 'core:delete-template', { templateId: fireball }).state;
    expect(s.templates.has(fireball)).toBe(false);
  });

  it('keeps players` marks public and on scenes they see', () => {
    const { s, fireball } = markedTable();
    const gmOnly = {
      sceneId: 's1',
      shape: 'circle',
      origin: { x: 0, y: 0 },
      size: 5,
      visibility: 'gm',
    } as const;
    expect(errorCode(() => run(s, p1, 'core:create-template', gmOnly))).toBe(
      'VTT_ERR_PERMISSION_FIELD',
    );
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-template', { templateId: fireball, patch: { visibility: 'gm' } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
    expect(
      errorCode(() =>
        run(s, p1, 'core:create-template', { ...gmOnly, sceneId: 's2', visibility: 'public' }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(
      errorCode(() =>
        run(s, p1, 'core:create-drawing', {
          sceneId: 's2',
          shape: 'rect',
          x: 0,
          y: 0,
          width: 5,
          height: 5,
        }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
  });

  it('refuses another player`s marks as not theirs, and GM-only ones as not found', () => {
    const { s, fireball, arrow } = markedTable();
    expect(errorCode(() => run(s, p2, 'core:update-template', moveFireball(fireball)))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    expect(errorCode(() => run(s, p2, 'core:delete-drawing', { drawingId: arrow }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    for (const user of [p1, p2]) {
      expect(
        errorCode(() => run(s, user, 'core:delete-template', { templateId: `${CANARY}-t` })),
      ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
      expect(
        errorCode(() =>
          run(s, user, 'core:update-drawing', { drawingId: `${CANARY}-d`, patch: { x: 0 } }),
        ),
      ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    }
  });

  it('refuses observers everything', () => {
    const { s, fireball, arrow } = markedTable();
    expect(
      errorCode(() =>
        run(s, obs, 'core:create-template', {
          sceneId: 's1',
          shape: 'circle',
          origin: { x: 0, y: 0 },
          size: 5,
        }),
      ),
    ).toBe('VTT_ERR_PERMISSION_OBSERVER');
    expect(errorCode(() => run(s, obs, 'core:update-template', moveFireball(fireball)))).toBe(
      'VTT_ERR_PERMISSION_OBSERVER',
    );
    expect(errorCode(() => run(s, obs, 'core:delete-drawing', { drawingId: arrow }))).toBe(
      'VTT_ERR_PERMISSION_OBSERVER',
    );
  });
});

describe('templates and drawings: views', () => {
  it('keeps GM-only marks, every field of them, out of players` and observers` views', () => {
    const { s, fireball, arrow } = markedTable();
    expect(JSON.stringify(viewFor(s, gm))).toContain(CANARY);
    for (const viewer of [p1, p2, obs]) {
      const view = viewFor(s, viewer);
      const json = JSON.stringify(view);
      expect(json, viewer).not.toContain(CANARY);
      expect(json, viewer).not.toContain('31337');
      expect(json, viewer).not.toContain('31.337');
      expect([...view.templates.keys()]).toEqual([fireball]);
      expect([...view.drawings.keys()]).toEqual([arrow]);
    }
  });

  it('sends players nothing of a GM-only mark being placed, changed or removed', () => {
    let { s } = markedTable();
    const steps = [
      [
        'core:create-template',
        {
          id: `${CANARY}-2`,
          sceneId: 's1',
          shape: 'line',
          origin: { x: 0, y: 0 },
          size: 30,
          label: CANARY,
        },
      ],
      ['core:update-template', { templateId: `${CANARY}-t`, patch: { label: `${CANARY} moved` } }],
      ['core:update-drawing', { drawingId: `${CANARY}-d`, patch: { text: `${CANARY} 2` } }],
      ['core:delete-drawing', { drawingId: `${CANARY}-d` }],
      ['core:delete-template', { templateId: `${CANARY}-t` }],
    ] as const;
    for (const [type, payload] of steps) {
      const out = runAndProject(s, gm, type, payload as never, p1);
      expect(out.received, type).toEqual([]);
      s = out.state;
    }
  });

  it('shows a mark when the GM makes it public, and hides it again with its scene', () => {
    const { s, fireball, arrow } = markedTable();
    const shown = runAndProject(
      s,
      gm,
      'core:update-template',
      { templateId: `${CANARY}-t`, patch: { visibility: 'public' } },
      p1,
    );
    expect(shown.received.map((e) => e.type)).toEqual(['core:document-synced']);
    expect(viewFor(shown.state, p1).templates.has(`${CANARY}-t`)).toBe(true);
    const hidden = runAndProject(
      shown.state,
      gm,
      'core:update-scene',
      { sceneId: 's1', patch: { hidden: true } },
      p1,
    );
    const removed = hidden.received.filter((e) => e.type === 'core:document-removed');
    expect(removed.map((e) => e.payload)).toEqual(
      expect.arrayContaining([
        { collection: 'templates', id: fireball },
        { collection: 'templates', id: `${CANARY}-t` },
        { collection: 'drawings', id: arrow },
      ]),
    );
    expect(viewFor(hidden.state, p1).templates.size).toBe(0);
  });
});
