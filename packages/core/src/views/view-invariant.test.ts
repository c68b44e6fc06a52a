import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stepsArbitrary } from '../../test-support/action-arbitraries.js';
import { runSteps } from '../../test-support/run-steps.js';

const SEED = Number(process.env['VTT_FC_SEED'] ?? 1_234_567);

describe('per-viewer projection', () => {
  it('folds projected events into exactly the projection of the full state', () => {
    let accepted = 0;
    const types = new Set<string>();
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const trace = runSteps(steps);
        accepted += trace.accepted;
        for (const type of trace.types) types.add(type);
      }),
      { seed: SEED, numRuns: 100 },
    );
    // The generator must exercise the reducer, not only rejections.
    expect(accepted).toBeGreaterThan(1_000);
    expect(types.size).toBeGreaterThanOrEqual(33);
    expect([...types].filter((t) => t.startsWith('core:item-')).sort()).toEqual([
      'core:item-created',
      'core:item-deleted',
      'core:item-moved',
      'core:item-updated',
    ]);
    for (const type of [
      'core:effect-added',
      'core:effect-removed',
      'core:time-advanced',
      'core:roll-table-created',
      'core:roll-table-updated',
      'core:roll-table-deleted',
      'core:roll-table-drawn',
      'core:roll-table-reset',
      // Every template and drawing event: scene-mark-invariant.test.ts.
      'core:template-created',
      'core:drawing-created',
    ]) {
      expect(types, type).toContain(type);
    }
  });
});
