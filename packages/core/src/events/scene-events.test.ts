import { describe, expect, it } from 'vitest';
import {
  errorCode,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import type { TableState } from '../model/state.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2 } = USERS;

/** s1 with fog on and only the top-left 2x2 cells revealed: t1 (0,0) and t2 (100,0) stand in it, t3 (200,200) does not. */
function foggy(): TableState {
  let s = run(populatedTable(), gm, 'core:configure-fog', { sceneId: 's1', enabled: true }).state;
  s = run(s, gm, 'core:paint-fog', {
    sceneId: 's1',
    mode: 'reveal',
    shape: {
      kind: 'cells',
      cells: [
        { q: 0, r: 0 },
        { q: 1, r: 0 },
        { q: 0, r: 1 },
        { q: 1, r: 1 },
      ],
    },
  }).state;
  return s;
}

describe('fog of war', () => {
  it('hides tokens and notes under fog from players, but not tokens they own', () => {
    const s = run(foggy(), gm, 'core:move-token', { tokenId: 't1', x: 800, y: 800 }).state;
    expect([...viewFor(s, p2).tokens.keys()].sort()).toEqual(['t2']);
    expect([...viewFor(s, p1).tokens.keys()].sort()).toEqual(['t1', 't2']);
    expect([...viewFor(s, gm).tokens.keys()].sort()).toEqual(['hid-1', 't1', 't2', 't3']);
    expect(viewFor(s, p2).notes.get('n1')).toBeDefined();
    const fogged = run(s, gm, 'core:update-note', {
      noteId: 'n1',
      patch: { x: 900, y: 900 },
    }).state;
    expect(viewFor(fogged, p2).notes.get('n1')).toBeUndefined();
  });

  it('makes a token that walks into fog disappear for other players', () => {
    const { received } = runAndProject(
      foggy(),
      p1,
      'core:move-token',
      { tokenId: 't1', x: 700, y: 700 },
      p2,
    );
    expect(received).toMatchObject([
      { type: 'core:document-removed', payload: { collection: 'tokens', id: 't1' } },
      { type: 'core:document-synced', payload: { collection: 'combat' } },
    ]);
  });

  it('sends players the fog change and every token it reveals, whole', () => {
    const { received, state } = runAndProject(
      foggy(),
      gm,
      'core:paint-fog',
      { sceneId: 's1', mode: 'reveal', shape: { kind: 'all' } },
      p2,
    );
    expect(received[0]).toMatchObject({ type: 'core:fog-painted', payload: { sceneId: 's1' } });
    expect(received[1]).toMatchObject({
      type: 'core:document-synced',
      payload: { collection: 'tokens', id: 't3', doc: state.tokens.get('t3') },
    });
  });

  it('lets only a GM paint or configure fog', () => {
    const s = foggy();
    expect(
      errorCode(() =>
        run(s, p1, 'core:paint-fog', { sceneId: 's1', mode: 'reveal', shape: { kind: 'all' } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(
      errorCode(() => run(s, p1, 'core:configure-fog', { sceneId: 's1', enabled: false })),
    ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
  });

  it('compacts fog ops, and clears them on request', () => {
    let s = foggy();
    s = run(s, gm, 'core:paint-fog', { sceneId: 's1', mode: 'hide', shape: { kind: 'all' } }).state;
    expect(s.scenes.get('s1')?.fog.ops).toEqual([]); // a hide-all over everything before leaves nothing revealed
    s = run(s, gm, 'core:paint-fog', {
      sceneId: 's1',
      mode: 'reveal',
      shape: { kind: 'all' },
    }).state;
    s = run(s, gm, 'core:configure-fog', { sceneId: 's1', enabled: true, clear: true }).state;
    expect(s.scenes.get('s1')?.fog).toEqual({ enabled: true, ops: [] });
  });
});

describe('scenes', () => {
  it('hides a hidden scene and everything on it from players', () => {
    const s = run(populatedTable(), gm, 'core:update-scene', {
      sceneId: 's1',
      patch: { hidden: true },
    }).state;
    const view = viewFor(s, p1);
    expect(view.scenes.size).toBe(0);
    expect(view.tokens.size).toBe(0);
    expect(view.notes.size).toBe(0);
    expect(viewFor(s, gm).scenes.get('s1')).toBeDefined();
  });

  it('supports square, hex and gridless grids and rejects an invalid one', () => {
    let s = populatedTable();
    for (const type of ['hex-flat', 'hex-pointy', 'gridless', 'square'] as const) {
      const grid = { type, size: 70, offsetX: 5, offsetY: 5, units: 'm', distance: 1.5 };
      s = run(s, gm, 'core:update-scene', { sceneId: 's1', patch: { grid } }).state;
      expect(s.scenes.get('s1')?.grid).toEqual(grid);
    }
    expect(
      errorCode(() =>
        run(s, gm, 'core:update-scene', {
          sceneId: 's1',
          patch: {
            grid: { type: 'square', size: 0, offsetX: 0, offsetY: 0, units: 'ft', distance: 5 },
          },
        }),
      ),
    ).toBe('VTT_ERR_ACTION_INVALID');
  });

  it('deletes the tokens and notes of a deleted scene', () => {
    const s = run(populatedTable(), gm, 'core:delete-scene', { sceneId: 's1' }).state;
    expect(s.tokens.size).toBe(0);
    expect(s.notes.size).toBe(0);
    expect(errorCode(() => run(s, p1, 'core:delete-scene', { sceneId: 's2' }))).toBe(
      'VTT_ERR_DOCUMENT_NOT_FOUND',
    );
  });
});
