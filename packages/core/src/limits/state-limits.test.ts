import { describe, expect, it } from 'vitest';
import {
  createdId,
  errorCode,
  fixtureTable,
  run,
  USERS,
} from '../../test-support/table-fixture.js';
import type { JsonValue } from '../model/json.js';
import type { TableState } from '../model/state.js';
import { STATE_LIMITS } from './state-limits.js';

const { gm, p1, p2 } = USERS;
const KB = 1024;
/** Flags of about `chars` characters for module `bloat`. */
const flags = (chars: number) => ({ bloat: { blob: 'x'.repeat(chars) } });
/** A note without an id (players choose none: the server does). */
const note = (title: string, text: string, extra: object = {}) => ({
  sceneId: 's1',
  x: 0,
  y: 0,
  title,
  text,
  ...extra,
});
/** Creates a note as `user`: the new state and the note's id. */
const addNote = (s: TableState, user: string, payload: ReturnType<typeof note>) => {
  const { state, events } = run(s, user, 'core:create-note', payload);
  return { state, id: createdId(events, 'core:note-created') };
};

describe('bounds on what one member adds to the state', () => {
  it('refuses a chat message with 250 KB of flags, five times over; the table is unchanged', () => {
    const s = fixtureTable();
    for (let i = 0; i < 5; i++) {
      expect(
        errorCode(() =>
          run(s, p1, 'core:send-message', { text: `spam ${i}`, flags: flags(250 * KB) }),
        ),
      ).toBe('VTT_ERR_DOCUMENT_TOO_LARGE');
    }
    expect(s.chat).toHaveLength(0);
    // A normal message, and one with modest flags, still go through.
    const { state } = run(s, p1, 'core:send-message', { text: 'hello', flags: flags(8 * KB) });
    expect(state.chat).toHaveLength(1);
  });

  it('bounds every document, a GM’s too', () => {
    let s = fixtureTable();
    const big = flags(STATE_LIMITS.maxDocumentChars / 2 + KB);
    // Two updates of half the bound each: the second makes the actor grow past it.
    s = run(s, gm, 'core:update-actor', { actorId: 'a1', patch: { flags: big } }).state;
    const other = { other: { blob: 'y'.repeat(STATE_LIMITS.maxDocumentChars / 2 + KB) } };
    expect(
      errorCode(() => run(s, gm, 'core:update-actor', { actorId: 'a1', patch: { flags: other } })),
    ).toBe('VTT_ERR_DOCUMENT_TOO_LARGE');
    // Shrinking it is always allowed.
    const small = run(s, gm, 'core:update-actor', { actorId: 'a1', patch: { flags: flags(1) } });
    expect(small.state.actors.get('a1')?.flags).toEqual(flags(1));
  });

  it('bounds the sum of a player’s notes and messages; other players and GMs are unaffected', () => {
    let s: TableState = fixtureTable();
    const text = 'z'.repeat(19 * KB);
    const perNote = Math.ceil(STATE_LIMITS.maxMemberChars / (text.length + 200));
    let refusedAt = -1;
    const mine: string[] = [];
    for (let i = 0; i < perNote + 2 && refusedAt < 0; i++) {
      try {
        const added = addNote(s, p1, note(`n${i}`, text));
        s = added.state;
        mine.push(added.id);
      } catch (error) {
        expect(error).toMatchObject({
          code: 'VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE',
          params: { userId: p1, max: STATE_LIMITS.maxMemberChars },
        });
        refusedAt = i;
      }
    }
    expect(refusedAt).toBeGreaterThan(50);
    expect(
      errorCode(() => run(s, p1, 'core:send-message', { text: 'one more', flags: flags(4 * KB) })),
    ).toBe('VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE');
    // Deleting one of their own notes makes room again.
    s = run(s, p1, 'core:delete-note', { noteId: mine[0]! }).state;
    s = run(s, p1, 'core:send-message', { text: 'fits again' }).state;
    const p2Note = addNote(s, p2, note('p2-note', text));
    expect(p2Note.state.notes.get(p2Note.id)).toBeDefined();
    const gmNote = addNote(s, gm, note('gm-note', text));
    expect(gmNote.state.notes.get(gmNote.id)).toBeDefined();
  });

  it('counts the items a player creates toward their share, and bounds each item', () => {
    let s: TableState = fixtureTable();
    const data = { blob: 'q'.repeat(200 * KB) };
    let created = 0;
    for (let i = 0; i < 12; i++) {
      const item = { name: 'Bag', type: 'gear', actorId: 'a1', data };
      try {
        s = run(s, p1, 'core:create-item', item).state;
        created++;
      } catch (error) {
        expect(error).toMatchObject({ code: 'VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE' });
        break;
      }
    }
    expect(created).toBe(Math.floor(STATE_LIMITS.maxMemberChars / (200 * KB + 200)));
    // The GM's items are bounded per document only; one past the document bound is refused.
    s = run(s, gm, 'core:create-item', { id: 'gm-bag', name: 'Bag', type: 'gear', data }).state;
    expect(s.items.has('gm-bag')).toBe(true);
    const more = flags(STATE_LIMITS.maxDocumentChars - 200 * KB);
    expect(
      errorCode(() => run(s, gm, 'core:update-item', { itemId: 'gm-bag', patch: { flags: more } })),
    ).toBe('VTT_ERR_DOCUMENT_TOO_LARGE');
  });

  it('refuses a document nested deeper than the bound, which would overflow modules’ JSON parsers', () => {
    const s = fixtureTable();
    let deep: JsonValue = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    // So deep that JSON.stringify would overflow the host's stack: refused before it runs.
    expect(
      errorCode(() => run(s, p1, 'core:send-message', { text: 'deep', flags: { bloat: deep } })),
    ).toBe('VTT_ERR_ACTION_INVALID');
    let over: JsonValue = 1;
    for (let i = 0; i < STATE_LIMITS.maxDepth - 1; i++) over = [over];
    expect(
      errorCode(() => run(s, p1, 'core:send-message', { text: 'deep', flags: { bloat: over } })),
    ).toBe('VTT_ERR_DOCUMENT_TOO_DEEP');
    let modest: JsonValue = 1;
    for (let i = 0; i < STATE_LIMITS.maxDepth - 4; i++) modest = { next: modest };
    const { state } = run(s, gm, 'core:update-actor', {
      actorId: 'a1',
      patch: { flags: { bloat: modest } },
    });
    expect(state.actors.get('a1')?.flags['bloat']).toEqual(modest);
  });
});
