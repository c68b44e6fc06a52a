/**
 * The driver of the projection property tests: runs random steps through
 * decide and commit and checks the view invariant after every action.
 */
import { expect } from 'vitest';
import { decide } from '../src/actions/decide.js';
import { isVttError } from '../src/errors/vtt-error.js';
import type { EventDraft, TableEvent, ViewEvent } from '../src/model/events.js';
import { authorize } from '../src/permissions/authorize.js';
import type { TableState, TableView } from '../src/model/state.js';
import { applyEvent, applyViewEvent } from '../src/reducer/apply-event.js';
import { commit } from '../src/reducer/commit.js';
import { projectEvent } from '../src/views/project-event.js';
import { viewFor } from '../src/views/view-for.js';
import { populatedTable, USERS } from './table-fixture.js';
import { TEST_POLICY } from './visibility-arbitraries.js';

const VIEWERS = [USERS.gm, USERS.p1, USERS.p2, USERS.obs];
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface Trace {
  accepted: number;
  types: Set<string>;
}

/**
 * Runs the steps; after every accepted action checks, for every viewer, that
 * folding the projected events (through JSON, as on the wire) over their view
 * equals their view of the new state. Calls `onEvent` with each projection.
 */
export function runSteps(
  steps: readonly { userId: string; action?: unknown; draft?: EventDraft }[],
  onEvent?: (viewer: string, view: TableView, events: ViewEvent[], after: TableState) => void,
): Trace {
  let state: TableState = commit(
    populatedTable(),
    [{ type: 'core:visibility-set', payload: { policy: TEST_POLICY } }],
    { author: USERS.gm, now: 4_000 },
  ).state;
  const views = new Map(VIEWERS.map((v) => [v, wire(viewFor(state, v))]));
  const trace: Trace = { accepted: 0, types: new Set() };
  steps.forEach(({ userId, action, draft }, step) => {
    let committed: { state: TableState; events: TableEvent[] };
    try {
      // Host events (the visibility policy) have no action: authorize them as decide would.
      if (draft !== undefined) authorize(state, userId, draft);
      const drafts =
        draft !== undefined
          ? [draft]
          : decide(state, action as never, { userId, now: 5_000 + step });
      committed = commit(state, drafts, { author: userId, now: 5_000 + step });
    } catch (error) {
      if (!isVttError(error)) throw error;
      return;
    }
    trace.accepted++;
    for (const event of committed.events) trace.types.add(event.type);
    let before = state;
    for (const event of committed.events) {
      const after = applyEvent(before, event);
      for (const viewer of VIEWERS) {
        const projected = wire(projectEvent(event, before, after, viewer));
        const view = projected.reduce(applyViewEvent, views.get(viewer)!);
        views.set(viewer, view);
        onEvent?.(viewer, view, projected, after);
      }
      before = after;
    }
    expect(before).toStrictEqual(committed.state);
    state = committed.state;
    for (const viewer of VIEWERS) {
      expect(views.get(viewer), `view of ${viewer} after step ${step}`).toStrictEqual(
        wire(viewFor(state, viewer)),
      );
    }
  });
  return trace;
}
