import { describe, expect, it } from 'vitest';
import { createdId, populatedTable, run, USERS } from '../../test-support/table-fixture.js';
import { isVttError, type VttError } from '../errors/vtt-error.js';
import { getDoc, ref } from '../model/doc-refs.js';
import type { DocCollection, TableState } from '../model/state.js';
import type { TableActionType } from './action-types.js';

const { gm, p1, obs } = USERS;

/** The VttError `fn` throws; fails the test when it throws none or something else. */
function refusal(fn: () => unknown): VttError {
  try {
    fn();
  } catch (error) {
    if (isVttError(error)) return error;
    throw error;
  }
  throw new Error('expected a VttError, but the action was accepted');
}

/**
 * Creates of the populated table, each with an id no document has, the id
 * of a document everyone sees and the id of one hidden from players and
 * observers.
 */
const CREATES: {
  type: TableActionType;
  collection: DocCollection;
  payload: (id: string) => unknown;
  free: string;
  seen: string;
  hidden: string;
}[] = [
  {
    type: 'core:create-note',
    collection: 'notes',
    payload: (id) => ({ id, sceneId: 's1', x: 0, y: 0, title: 'Mine' }),
    free: 'n-free',
    seen: 'n1',
    hidden: 'gn-1',
  },
  {
    type: 'core:create-token',
    collection: 'tokens',
    payload: (id) => ({ id, sceneId: 's1', name: 'Mine', x: 0, y: 0, actorId: 'a1' }),
    free: 't-free',
    seen: 't1',
    hidden: 'hid-1',
  },
  {
    type: 'core:create-actor',
    collection: 'actors',
    payload: (id) => ({ id, name: 'Mine', type: 'npc' }),
    free: 'a-free',
    seen: 'a1',
    hidden: 'ha-1',
  },
  {
    type: 'core:create-timeline-entry',
    collection: 'timeline',
    payload: (id) => ({ id, title: 'Mine', date: { value: 1, label: 'Day 1' } }),
    free: 'e-free',
    seen: 'e-seen',
    hidden: 'e-hidden',
  },
];

/** The populated table with a public timeline entry `e-seen` and a GM-only one `e-hidden`. */
function table(): TableState {
  let s = populatedTable();
  for (const [id, visibility] of [
    ['e-seen', 'public'],
    ['e-hidden', 'gm'],
  ] as const) {
    s = run(s, gm, 'core:create-timeline-entry', {
      id,
      title: id,
      date: { value: 0, label: 'Day 0' },
      visibility,
    }).state;
  }
  return s;
}

describe('ids chosen for new documents', () => {
  it('refuses a player or an observer any chosen id, free, seen or hidden, with one answer', () => {
    const s = table();
    for (const user of [p1, obs]) {
      for (const { type, collection, payload, free, seen, hidden } of CREATES) {
        const answers = [free, seen, hidden].map((id) => {
          const error = refusal(() => run(s, user, type, payload(id) as never));
          expect(error.params, `${user} ${type} ${id}`).toEqual({ collection, id });
          return error;
        });
        // Whether the id is free, seen or hidden: the same code, status and message.
        for (const error of answers) {
          expect(
            { code: error.code, status: error.status, message: error.message },
            `${user} ${type} ${String(error.params['id'])}`,
          ).toEqual({
            code: 'VTT_ERR_DOCUMENT_ID_GM_ONLY',
            status: 403,
            message: answers[0]!.message,
          });
        }
      }
    }
  });

  it('lets a GM choose a free id, and answers a taken one, seen or hidden, as existing', () => {
    const s = table();
    for (const { type, collection, payload, free, seen, hidden } of CREATES) {
      const { state, events } = run(s, gm, type, payload(free) as never);
      expect(createdId(events), type).toBe(free);
      expect(getDoc(state, ref(collection, free)), type).toBeDefined();
      for (const id of [seen, hidden]) {
        const error = refusal(() => run(s, gm, type, payload(id) as never));
        expect({ code: error.code, params: error.params }, `${type} ${id}`).toEqual({
          code: 'VTT_ERR_DOCUMENT_EXISTS',
          params: { collection, id },
        });
      }
    }
  });

  it('gives a player who names no id one the server chose', () => {
    const s = table();
    const { state, events } = run(s, p1, 'core:create-note', {
      sceneId: 's1',
      x: 0,
      y: 0,
      title: 'Mine',
    });
    const id = createdId(events, 'core:note-created');
    expect(s.notes.has(id)).toBe(false);
    expect(state.notes.get(id)).toMatchObject({ id, author: p1, title: 'Mine' });
  });
});
