import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TableAction } from '../actions/action-types.js';
import {
  gmSecretMarkActions,
  MARK_MARKER,
  markActions,
  playerMarkActions,
} from '../../test-support/scene-mark-arbitraries.js';
import { runSteps } from '../../test-support/run-steps.js';
import { asSent } from '../../test-support/step-names.js';
import { USERS } from '../../test-support/table-fixture.js';

const SEED = Number(process.env['VTT_FC_SEED'] ?? 1_357_911);

const undo = fc.constant({ type: 'core:undo', payload: {} } as TableAction);
const anyone = fc.constantFrom(USERS.gm, USERS.gm, USERS.p1, USERS.p2, USERS.obs);
const sceneToggles = fc.oneof(
  fc
    .record({ sceneId: fc.constantFrom('s1', 's2'), patch: fc.record({ hidden: fc.boolean() }) })
    .map((payload) => ({ type: 'core:update-scene', payload }) as TableAction),
  fc.constant({ type: 'core:delete-scene', payload: { sceneId: 's2' } } as TableAction),
);
/** Mostly template and drawing steps by everyone, scenes hidden and deleted, undo among them. */
const markSteps = fc.array(
  fc.oneof(
    { arbitrary: fc.record({ userId: anyone, action: markActions }).map(asSent), weight: 6 },
    {
      arbitrary: fc
        .record({ userId: fc.constantFrom(USERS.p1, USERS.p2), action: playerMarkActions })
        .map(asSent),
      weight: 5,
    },
    {
      arbitrary: fc.record({ userId: fc.constant(USERS.gm), action: gmSecretMarkActions }),
      weight: 2,
    },
    { arbitrary: fc.record({ userId: fc.constant(USERS.gm), action: sceneToggles }), weight: 1 },
    { arbitrary: fc.record({ userId: anyone, action: undo }), weight: 2 },
  ),
  { minLength: 10, maxLength: 50, size: 'max' },
);

describe('per-viewer projection of templates and drawings', () => {
  it('folds projected events into the projection of the state, and leaks no GM-only mark', () => {
    let accepted = 0;
    const types = new Set<string>();
    fc.assert(
      fc.property(markSteps, (steps) => {
        const trace = runSteps(steps, (viewer, view, events) => {
          if (viewer === USERS.gm) return;
          const out = JSON.stringify([view, events]);
          for (const secret of [MARK_MARKER, '"gt-1"', '"gd-1"'])
            expect(out.includes(secret), `${secret} reached ${viewer}`).toBe(false);
        });
        accepted += trace.accepted;
        for (const type of trace.types) types.add(type);
      }),
      { seed: SEED, numRuns: 60 },
    );
    expect(accepted).toBeGreaterThan(300);
    for (const type of [
      'core:template-created',
      'core:template-updated',
      'core:template-deleted',
      'core:drawing-created',
      'core:drawing-updated',
      'core:drawing-deleted',
      'core:scene-deleted',
      'core:document-restored',
    ])
      expect(types, type).toContain(type);
  });
});
