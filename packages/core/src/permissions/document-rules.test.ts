import { describe, expect, it } from 'vitest';
import { populatedTable, run, USERS } from '../../test-support/table-fixture.js';
import { isVttError } from '../errors/vtt-error.js';
import type { TableActionType } from '../actions/action-types.js';

const { p1, obs } = USERS;

/**
 * What `user` is answered to the action on the populated table: code,
 * status, params and message, with `id` (the id they sent) written `<id>`
 * in the params and the message, so that the answers for two ids compare;
 * `'accepted'` when nothing is refused.
 */
function answer(user: string, type: TableActionType, payload: unknown, id: string): unknown {
  try {
    run(populatedTable(), user, type, payload as never);
  } catch (error) {
    if (!isVttError(error)) throw error;
    const { code, message, params } = error.toJSON();
    return {
      code,
      status: error.status,
      params: params['id'] === id ? { ...params, id: '<id>' } : params,
      message: message.split(`"${id}"`).join('"<id>"'),
    };
  }
  return 'accepted';
}

describe('changes to documents a member cannot see', () => {
  it('answers an observer a hidden token or actor as a missing id, and a visible one as refused', () => {
    const cases = [
      {
        type: 'core:update-token',
        payload: (tokenId: string) => ({ tokenId, patch: { name: 'Renamed' } }),
        seen: 't1',
        hidden: 'hid-1',
        collection: 'tokens',
      },
      {
        type: 'core:update-actor',
        payload: (actorId: string) => ({ actorId, patch: { name: 'Renamed' } }),
        seen: 'a1',
        hidden: 'ha-1',
        collection: 'actors',
      },
    ] as const;
    for (const { type, payload, seen, hidden, collection } of cases) {
      const missing = answer(obs, type, payload('nope'), 'nope');
      expect(missing, type).toMatchObject({
        code: 'VTT_ERR_DOCUMENT_NOT_FOUND',
        params: { collection, id: '<id>' },
      });
      expect(answer(obs, type, payload(hidden), hidden), `${type} ${hidden}`).toEqual(missing);
      expect(answer(obs, type, payload(seen), seen), `${type} ${seen}`).toMatchObject({
        code: 'VTT_ERR_PERMISSION_OBSERVER',
      });
    }
  });

  it('answers a note on a hidden scene as one on a missing scene, to a player and an observer', () => {
    const note = (sceneId: string) => ({ sceneId, x: 0, y: 0, title: 'Here' });
    for (const user of [p1, obs]) {
      const missing = answer(user, 'core:create-note', note('nope'), 'nope');
      expect(missing, user).toMatchObject({
        code: 'VTT_ERR_DOCUMENT_NOT_FOUND',
        params: { collection: 'scenes', id: '<id>' },
      });
      expect(answer(user, 'core:create-note', note('s2'), 's2'), user).toEqual(missing);
    }
    // On the scene they see: a player's note is placed, an observer's refused.
    expect(answer(p1, 'core:create-note', note('s1'), 's1')).toBe('accepted');
    expect(answer(obs, 'core:create-note', note('s1'), 's1')).toMatchObject({
      code: 'VTT_ERR_PERMISSION_OBSERVER',
    });
  });
});
