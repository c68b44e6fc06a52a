import { describe, expect, it } from 'vitest';
import {
  createdId,
  populatedTable,
  run,
  runAndProject,
  USERS,
} from '../../test-support/table-fixture.js';
import type { TableState } from '../model/state.js';

const { gm, p1 } = USERS;

type Step = [string, string, unknown];
const apply = (s: TableState, steps: Step[]) =>
  steps.reduce(
    (state, [user, type, payload]) => run(state, user, type as never, payload as never).state,
    s,
  );

/** What `user` is answered to `core:undo`: an error code, or the events they receive (without seq and time). */
function undoAnswer(s: TableState, user: string): { state?: TableState; answer: unknown } {
  try {
    const { state, received } = runAndProject(s, user, 'core:undo', {}, user);
    return { state, answer: received.map(({ type, payload }) => ({ type, payload })) };
  } catch (error) {
    return { answer: (error as { code?: string }).code };
  }
}

/** The answer to p1's undo after `mine`, without and with the GM's `hidden` steps in between. */
function withAndWithout(s0: TableState, mine: Step[], hidden: Step[]) {
  const plain = undoAnswer(apply(s0, mine), p1);
  const secret = undoAnswer(apply(apply(s0, mine), hidden), p1);
  expect(secret.answer).toEqual(plain.answer);
  return { plain, secret };
}

describe('undo judged on what the undoing user sees', () => {
  it("ignores, and keeps, a hidden combatant's new initiative", () => {
    const { plain, secret } = withAndWithout(
      populatedTable(),
      [[p1, 'core:set-initiative', { combatantId: 'c1', initiative: 12 }]],
      [
        [gm, 'core:set-initiative', { combatantId: 'c2', initiative: 17 }],
        [gm, 'core:add-combatant', { id: 'c8', actorId: 'a2', hidden: true }],
      ],
    );
    expect(plain.state!.combat!.combatants.c1!.initiative).toBeNull();
    expect(secret.state!.combat!.combatants.c1!.initiative).toBeNull();
    expect(secret.state!.combat!.combatants.c2!.initiative).toBe(17);
    expect(secret.state!.combat!.combatants.c8).toBeDefined();
  });

  it('ignores, and keeps, a link to a hidden token added to their entry', () => {
    const t1 = { collection: 'tokens', id: 't1' } as const;
    const t3 = { collection: 'tokens', id: 't3' } as const;
    const hid = { collection: 'tokens', id: 'hid-1' } as const;
    const created = run(populatedTable(), p1, 'core:create-timeline-entry', {
      title: 'We met',
      date: { value: 1, label: 'Day 1' },
      links: [t1],
    });
    const entryId = createdId(created.events, 'core:timeline-entry-created');
    const { secret } = withAndWithout(
      created.state,
      [[p1, 'core:update-timeline-entry', { entryId, patch: { links: [t1, t3] } }]],
      [[gm, 'core:update-timeline-entry', { entryId, patch: { links: [t1, t3, hid] } }]],
    );
    expect(secret.state!.timeline.get(entryId)!.links).toEqual([t1, hid]);
  });

  it('answers the same for a document deleted unseen as for one merely out of sight', () => {
    const created = run(populatedTable(), p1, 'core:create-note', {
      sceneId: 's1',
      x: 0,
      y: 0,
      title: 'Mine',
    });
    const s0 = created.state;
    const noteId = createdId(created.events, 'core:note-created');
    const mine: Step[] = [[p1, 'core:update-note', { noteId, patch: { x: 50 } }]];
    const hide: Step = [gm, 'core:update-scene', { sceneId: 's1', patch: { hidden: true } }];
    const out = undoAnswer(apply(s0, [...mine, hide]), p1).answer;
    const deleted = undoAnswer(
      apply(s0, [...mine, hide, [gm, 'core:delete-note', { noteId }]]),
      p1,
    ).answer;
    expect(out).toBe('VTT_ERR_DOCUMENT_NOT_FOUND');
    expect(deleted).toBe(out);
  });

  it('still conflicts on a change the user sees', () => {
    const s = apply(populatedTable(), [
      [p1, 'core:set-initiative', { combatantId: 'c1', initiative: 12 }],
      [gm, 'core:set-initiative', { combatantId: 'c1', initiative: 3 }],
    ]);
    expect(undoAnswer(s, p1).answer).toBe('VTT_ERR_UNDO_CONFLICT');
  });

  it('does not put a combatant back into a combat that ended or was replaced', () => {
    const mine: Step[] = [[p1, 'core:set-initiative', { combatantId: 'c1', initiative: 12 }]];
    const ended = apply(populatedTable(), [...mine, [gm, 'core:end-combat', {}]]);
    expect(undoAnswer(ended, p1).answer).toBe('VTT_ERR_UNDO_CONFLICT');
    const replaced = apply(ended, [
      [gm, 'core:start-combat', { sceneId: 's1' }],
      [gm, 'core:add-combatant', { id: 'c1', tokenId: 't1' }],
    ]);
    expect(undoAnswer(replaced, p1).answer).toBe('VTT_ERR_UNDO_CONFLICT');
  });

  it('conflicts for a GM on any change, hidden or not', () => {
    const s = apply(populatedTable(), [
      [gm, 'core:set-initiative', { combatantId: 'c1', initiative: 12 }],
      [p1, 'core:set-initiative', { combatantId: 'c1', initiative: 3 }],
    ]);
    expect(undoAnswer(s, gm).answer).toBe('VTT_ERR_UNDO_CONFLICT');
  });
});
