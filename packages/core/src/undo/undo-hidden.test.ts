import fc from 'fast-check';
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
const SEED = Number(process.env['VTT_FC_SEED'] ?? 424_242);

/** An action as a function of the state it is sent in, so it can be replayed on another state. */
type Step = (s: TableState) => [string, string, unknown];

const coord = fc.integer({ min: 0, max: 8 }).map((n) => n * 50);
const t = (id: string) => ({ collection: 'tokens' as const, id });

/** The populated table with p1's note and timeline entry, and their ids (the server's: players choose none). */
function base(): { s: TableState; n9: string; e1: string } {
  const note = run(populatedTable(), p1, 'core:create-note', {
    sceneId: 's1',
    x: 0,
    y: 0,
    title: 'Mine',
  });
  const entry = run(note.state, p1, 'core:create-timeline-entry', {
    title: 'We met',
    date: { value: 1, label: 'Day 1' },
    links: [t('t1')],
  });
  return {
    s: entry.state,
    n9: createdId(note.events, 'core:note-created'),
    e1: createdId(entry.events, 'core:timeline-entry-created'),
  };
}
const BASE = base();
const { n9, e1 } = BASE;

/** A fixed action as a step. */
const fixed =
  (user: string, type: string, payload: unknown): Step =>
  () => [user, type, payload];

/** p1's undoable actions on what p1 sees and owns. */
const mine: fc.Arbitrary<Step> = fc.oneof(
  fc
    .integer({ min: 1, max: 20 })
    .map((n) => fixed(p1, 'core:set-initiative', { combatantId: 'c1', initiative: n })),
  fc.tuple(coord, coord).map(([x, y]) => fixed(p1, 'core:move-token', { tokenId: 't1', x, y })),
  fc.constant(
    fixed(p1, 'core:add-effect', {
      target: t('t1'),
      label: 'Blessed',
      duration: { unit: 'rounds', rounds: 2 },
    }),
  ),
  coord.map((x) => fixed(p1, 'core:update-note', { noteId: n9, patch: { x } })),
  fc.constant(
    fixed(p1, 'core:update-timeline-entry', {
      entryId: e1,
      patch: { links: [t('t1'), t('t3')] },
    }),
  ),
  fc.constant(fixed(p1, 'core:delete-timeline-entry', { entryId: e1 })),
);

/** GM actions on material p1 never sees, and that no later action reveals. */
const hidden: fc.Arbitrary<Step> = fc.oneof(
  fc
    .integer({ min: 1, max: 20 })
    .map((n) => fixed(gm, 'core:set-initiative', { combatantId: 'c2', initiative: n })),
  fc.tuple(coord, coord).map(([x, y]) => fixed(gm, 'core:move-token', { tokenId: 'hid-1', x, y })),
  fc.constant(
    fixed(gm, 'core:update-token', { tokenId: 'hid-1', patch: { name: 'SECRETTOKEN again' } }),
  ),
  fc.constant(
    fixed(gm, 'core:add-effect', {
      target: t('hid-1'),
      id: 'fx-gm',
      label: 'Cursed',
      duration: { unit: 'rounds', rounds: 3 },
    }),
  ),
  fc.constant(fixed(gm, 'core:update-actor', { actorId: 'ha-1', patch: { data: { hp: 3 } } })),
  fc.constant(fixed(gm, 'core:update-note', { noteId: 'gn-1', patch: { x: 150 } })),
  fc.constant<Step>((s) => {
    const links = s.timeline.get(e1)?.links ?? [];
    const extra = links.some((l) => l.id === 'hid-1') ? [] : [t('hid-1')];
    const payload = { entryId: e1, patch: { links: [...links, ...extra] } };
    return [gm, 'core:update-timeline-entry', payload];
  }),
);

/** Applies the steps, skipping those refused (made moot by an earlier one); returns those accepted too. */
function apply(s0: TableState, steps: readonly Step[]): { state: TableState; accepted: Step[] } {
  let state = s0;
  const accepted: Step[] = [];
  for (const step of steps) {
    const [user, type, payload] = step(state);
    try {
      state = run(state, user, type as never, payload as never).state;
      accepted.push(step);
    } catch {
      // e.g. the entry p1's own step deleted
    }
  }
  return { state, accepted };
}

function undo(s: TableState): { state: TableState; answer: unknown } {
  try {
    const { state, received } = runAndProject(s, p1, 'core:undo', {}, p1);
    return { state, answer: received.map(({ type, payload }) => ({ type, payload })) };
  } catch (error) {
    return { state: s, answer: (error as { code?: string }).code };
  }
}

const docsOf = ({ scenes, tokens, actors, notes, combat, timeline }: TableState) => ({
  scenes,
  tokens,
  actors,
  notes,
  combat,
  timeline,
});

describe("a player's undo and changes they cannot see", () => {
  it('answers the same with or without them, and keeps them', () => {
    const s0 = BASE.s;
    let undone = 0;
    fc.assert(
      fc.property(mine, fc.array(hidden, { minLength: 1, maxLength: 4 }), (step, secret) => {
        const plain = undo(apply(s0, [step]).state);
        const secretRun = apply(s0, [step, ...secret]);
        const withSecret = undo(secretRun.state);
        expect(withSecret.answer).toEqual(plain.answer);
        if (typeof plain.answer === 'string') return;
        undone++;
        // Undo took back only p1's change: the hidden ones are as if made after it.
        expect(secretRun.accepted[0]).toBe(step);
        const madeSecretly = secretRun.accepted.slice(1);
        expect(docsOf(withSecret.state)).toEqual(docsOf(apply(plain.state, madeSecretly).state));
      }),
      { seed: SEED, numRuns: 200 },
    );
    expect(undone).toBeGreaterThan(100);
  });
});
