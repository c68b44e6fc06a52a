import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableAction } from '../actions/action-types.js';
import {
  gmSecretJournalActions,
  JOURNAL_MARKER,
  journalActions,
  playerJournalActions,
} from '../../test-support/journal-arbitraries.js';
import { runSteps } from '../../test-support/run-steps.js';
import { asSent } from '../../test-support/step-names.js';
import { USERS } from '../../test-support/table-fixture.js';

const SEED = Number(process.env['VTT_FC_SEED'] ?? 2_468_013);

const undo = fc.constant({ type: 'core:undo', payload: {} } as TableAction);
const anyone = fc.constantFrom(USERS.gm, USERS.gm, USERS.p1, USERS.p2, USERS.obs);
/** Mostly journal and playlist steps, by GMs, players and the observer, with undo among them. */
const journalSteps = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ userId: anyone, action: journalActions }).map(asSent), weight: 6 },
    {
      arbitrary: fc
        .record({ userId: fc.constantFrom(USERS.p1, USERS.p2), action: playerJournalActions })
        .map(asSent),
      weight: 3,
    },
    {
      arbitrary: fc.record({ userId: fc.constant(USERS.gm), action: gmSecretJournalActions }),
      weight: 1,
    },
    { arbitrary: fc.record({ userId: anyone, action: undo }), weight: 2 },
  ),
  { minLength: 10, maxLength: 60, size: 'max' },
);

describe('per-viewer projection of the journal and playlists', () => {
  it('folds projected events into the projection of the state, and leaks no GM journal material', () => {
    let accepted = 0;
    const types = new Set<string>();
    fc.assert(
      fc.property(journalSteps, (steps) => {
        const trace = runSteps(steps, (viewer, view, events) => {
          if (viewer === USERS.gm) return;
          const out = JSON.stringify([view, events]);
          for (const secret of [JOURNAL_MARKER, '"gj-1"', '"gf-1"'])
            expect(out.includes(secret), `${secret} reached ${viewer}`).toBe(false);
        });
        accepted += trace.accepted;
        for (const type of trace.types) types.add(type);
      }),
      { seed: SEED, numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(300);
    for (const type of [
      'core:journal-entry-created',
      'core:journal-entry-updated',
      'core:journal-entry-deleted',
      'core:journal-folder-created',
      'core:journal-folder-updated',
      'core:journal-folder-deleted',
      'core:journal-shown',
      'core:playlist-created',
      'core:playlist-updated',
      'core:playlist-deleted',
      'core:track-played',
      'core:track-stopped',
      'core:document-restored',
    ])
      expect(types, type).toContain(type);
  });
});
