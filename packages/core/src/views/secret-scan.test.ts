import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECRET_MARKERS, stepsArbitrary } from '../../test-support/action-arbitraries.js';
import { JOURNAL_MARKER } from '../../test-support/journal-arbitraries.js';
import { ROLL_TABLE_MARKER } from '../../test-support/roll-table-arbitraries.js';
import { MARK_MARKER } from '../../test-support/scene-mark-arbitraries.js';
import { FIXTURE_SEED, USERS } from '../../test-support/table-fixture.js';
import { normalizeSeed } from '../random/rng.js';
import type { ViewEvent } from '../events/event-types.js';
import type { TableView } from '../model/state.js';
import { runSteps } from '../../test-support/run-steps.js';

const SEED = Number(process.env['VTT_FC_SEED'] ?? 7_654_321);

/**
 * Words only server-only data contains: the generator state (its algorithm
 * and the fixture's seed, which no one sees before the GM ends the session)
 * and undo stacks.
 */
const SERVER_ONLY = [
  '"rng"',
  'chacha20',
  normalizeSeed(FIXTURE_SEED),
  '"streams"',
  '"undo"',
  '"server"',
  '"batch"',
  '"undoes"',
];
/** Ids and words of material no non-GM may ever see: the generator never makes it public. */
const NEVER_PUBLIC = [
  SECRET_MARKERS.hiddenToken,
  SECRET_MARKERS.gmNote,
  SECRET_MARKERS.hiddenActor,
  SECRET_MARKERS.libraryItem,
  '"li-1"',
  SECRET_MARKERS.hiddenEffect,
  '"gfx-1"',
  '"hid-1"',
  '"hid-2"',
  '"gn-1"',
  '"gn-2"',
  JOURNAL_MARKER,
  '"gj-1"',
  '"gf-1"',
  ROLL_TABLE_MARKER,
  '"grt-1"',
  MARK_MARKER,
  '"gt-1"',
  '"gd-1"',
];

/** Whisper texts (`WHISPERTO:<recipient>`) that `viewer` must not see unless they sent one. */
function othersWhispers(viewer: string, view: TableView): string[] {
  const own = new Set(view.chat.filter((m) => m.author === viewer).map((m) => m.text));
  return [USERS.p1, USERS.p2, USERS.obs]
    .filter((to) => to !== viewer)
    .map((to) => `WHISPERTO:${to}`)
    .filter((text) => !own.has(text));
}

describe('secret scan', () => {
  it('finds no server-only data in any view, and no secret in any non-GM view or event', () => {
    let scanned = 0;
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        runSteps(steps, (viewer: string, view: TableView, events: ViewEvent[]) => {
          const text = JSON.stringify(view) + JSON.stringify(events);
          const forbidden =
            viewer === USERS.gm
              ? SERVER_ONLY
              : [...SERVER_ONLY, ...NEVER_PUBLIC, ...othersWhispers(viewer, view)];
          for (const word of forbidden) {
            expect(text.includes(word), `${viewer} can read ${word}`).toBe(false);
          }
          scanned++;
        });
      }),
      { seed: SEED, numRuns: 100 },
    );
    expect(scanned).toBeGreaterThan(1_000);
  });

  it('the scan sees secrets where they belong: GM views contain them', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        runSteps(steps, (viewer: string, view: TableView) => {
          if (viewer !== USERS.gm) return;
          const text = JSON.stringify(view);
          for (const marker of [
            SECRET_MARKERS.hiddenToken,
            SECRET_MARKERS.hiddenEffect,
            ROLL_TABLE_MARKER,
            MARK_MARKER,
          ]) {
            if (text.includes(marker)) seen.add(marker);
          }
        });
      }),
      { seed: SEED, numRuns: 30 },
    );
    expect([...seen].sort()).toEqual(
      [
        SECRET_MARKERS.hiddenEffect,
        SECRET_MARKERS.hiddenToken,
        ROLL_TABLE_MARKER,
        MARK_MARKER,
      ].sort(),
    );
  });
});
