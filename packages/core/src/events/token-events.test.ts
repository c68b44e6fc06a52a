import { describe, expect, it } from 'vitest';
import {
  errorCode,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import { viewFor } from '../views/view-for.js';

const { gm, p1, p2, obs } = USERS;

describe('tokens and their permissions', () => {
  it('lets a player move a token they own through its actor', () => {
    const s = run(populatedTable(), p1, 'core:move-token', { tokenId: 't1', x: 500, y: 400 }).state;
    expect(s.tokens.get('t1')).toMatchObject({ x: 500, y: 400 });
  });

  it("rejects moving another player's token or an unowned token", () => {
    const s = populatedTable();
    expect(errorCode(() => run(s, p1, 'core:move-token', { tokenId: 't2', x: 0, y: 0 }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
    expect(errorCode(() => run(s, p1, 'core:move-token', { tokenId: 't3', x: 0, y: 0 }))).toBe(
      'VTT_ERR_PERMISSION_NOT_OWNER',
    );
  });

  it('answers not-found for a hidden token, so a rejection does not confirm it exists', () => {
    const s = populatedTable();
    expect(errorCode(() => run(s, p1, 'core:move-token', { tokenId: 'hid-1', x: 0, y: 0 }))).toBe(
      'VTT_ERR_DOCUMENT_NOT_FOUND',
    );
    expect(errorCode(() => run(s, p1, 'core:move-token', { tokenId: 'nope', x: 0, y: 0 }))).toBe(
      'VTT_ERR_DOCUMENT_NOT_FOUND',
    );
  });

  it('lets an owner change bars and statuses but not GM fields such as hidden or image', () => {
    const s = populatedTable();
    const next = run(s, p1, 'core:update-token', {
      tokenId: 't1',
      patch: { bars: { hp: { value: 3, max: 10 } }, statuses: ['prone'] },
    }).state;
    expect(next.tokens.get('t1')?.statuses).toEqual(['prone']);
    expect(
      errorCode(() => run(s, p1, 'core:update-token', { tokenId: 't1', patch: { hidden: true } })),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
    expect(
      errorCode(() =>
        run(s, p1, 'core:update-token', { tokenId: 't1', patch: { image: 'x.png' } }),
      ),
    ).toBe('VTT_ERR_PERMISSION_FIELD');
  });

  it('keeps creating, deleting, hiding and revealing to GMs, and observers to watching', () => {
    const s = populatedTable();
    expect(
      errorCode(() => run(s, p1, 'core:create-token', { sceneId: 's1', name: 'x', x: 0, y: 0 })),
    ).toBe('VTT_ERR_PERMISSION_GM_ONLY');
    expect(errorCode(() => run(s, p1, 'core:delete-token', { tokenId: 't1' }))).toBe(
      'VTT_ERR_PERMISSION_GM_ONLY',
    );
    expect(errorCode(() => run(s, obs, 'core:move-token', { tokenId: 't1', x: 0, y: 0 }))).toBe(
      'VTT_ERR_PERMISSION_OBSERVER',
    );
    expect(
      run(s, gm, 'core:update-token', {
        tokenId: 'hid-1',
        patch: { hidden: false },
      }).state.tokens.get('hid-1')?.hidden,
    ).toBe(false);
  });

  it('rejects a token on a missing scene and a taken id', () => {
    const s = populatedTable();
    expect(
      errorCode(() => run(s, gm, 'core:create-token', { sceneId: 'zz', name: 'x', x: 0, y: 0 })),
    ).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(
      errorCode(() =>
        run(s, gm, 'core:create-token', { id: 't1', sceneId: 's1', name: 'x', x: 0, y: 0 }),
      ),
    ).toBe('VTT_ERR_DOCUMENT_EXISTS');
  });

  it('gives players a revealed token whole, and a hidden one as a removal', () => {
    const revealed = runAndProject(
      populatedTable(),
      gm,
      'core:update-token',
      { tokenId: 'hid-1', patch: { hidden: false } },
      p2,
    );
    expect(revealed.received).toMatchObject([
      {
        type: 'core:document-synced',
        payload: { collection: 'tokens', id: 'hid-1', doc: { name: 'SECRETTOKEN hid-1' } },
      },
      {
        // Its combatant was never hidden itself: it is seen with its token (derived, not copied).
        type: 'core:document-synced',
        payload: { collection: 'combat', doc: { combatants: { c2: { tokenId: 'hid-1' } } } },
      },
    ]);
    const hidden = runAndProject(
      revealed.state,
      gm,
      'core:update-token',
      { tokenId: 't2', patch: { hidden: true } },
      p2,
    );
    expect(hidden.received[0]).toMatchObject({
      type: 'core:document-removed',
      payload: { collection: 'tokens', id: 't2' },
    });
    expect(viewFor(hidden.state, p2).tokens.get('t2')).toBeUndefined();
  });

  it('passes an ordinary move through unchanged, without server data', () => {
    const { received } = runAndProject(
      populatedTable(),
      p1,
      'core:move-token',
      { tokenId: 't1', x: 100, y: 100 },
      p2,
    );
    expect(received).toEqual([
      expect.objectContaining({
        type: 'core:token-moved',
        payload: { tokenId: 't1', x: 100, y: 100 },
      }),
    ]);
    expect(received[0]).not.toHaveProperty('server');
  });
});
