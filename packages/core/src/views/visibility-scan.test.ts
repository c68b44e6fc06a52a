import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepsArbitrary } from '../../test-support/action-arbitraries.js';
import { runSteps } from '../../test-support/run-steps.js';
import { VISIBILITY_MARKERS } from '../../test-support/visibility-arbitraries.js';
import type { ViewEvent } from '../events/event-types.js';
import type { TableState, TableView } from '../model/state.js';
import { actorLevel } from '../permissions/ownership.js';

const SEED = Number(process.env['VTT_FC_SEED'] ?? 2_468_013);
const ACTORS = ['a1', 'a2', 'a3'];

describe('visibility scan: declared fields, limited actors and module flags', () => {
  it('no canary of a GM-only field or flag, another owner`s field, or a limited actor`s data reaches a player', () => {
    const seen = { data: 0, owner: 0, gm: 0 };
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        runSteps(
          steps,
          (viewer: string, view: TableView, events: ViewEvent[], after: TableState) => {
            const text = JSON.stringify(view) + JSON.stringify(events);
            const member = after.members.get(viewer);
            if (member === undefined) return;
            if (member.role === 'gm') {
              if (text.includes(VISIBILITY_MARKERS.gm)) seen.gm++;
              return;
            }
            expect(text.includes(VISIBILITY_MARKERS.gm), `${viewer} can read a GM-only value`).toBe(
              false,
            );
            for (const id of ACTORS) {
              const actor = after.actors.get(id);
              const level = actor === undefined ? 'none' : actorLevel(actor, member);
              const owner = `${VISIBILITY_MARKERS.owner}${id}`;
              const data = `${VISIBILITY_MARKERS.data}${id}`;
              if (level !== 'owner') {
                expect(text.includes(owner), `${viewer} (${level}) reads ${owner}`).toBe(false);
              } else if (text.includes(owner)) seen.owner++;
              if (level === 'none' || level === 'limited') {
                expect(text.includes(data), `${viewer} (${level}) reads ${data}`).toBe(false);
              } else if (text.includes(data)) seen.data++;
            }
          },
        );
      }),
      { seed: SEED, numRuns: 100 },
    );
    // The canaries reach those who may see them, so the scan can fail.
    expect(seen.gm).toBeGreaterThan(100);
    expect(seen.owner).toBeGreaterThan(100);
    expect(seen.data).toBeGreaterThan(100);
  });
});
