/**
 * The driver of the projection property tests: runs random steps through
 * decide and commit and checks the view invariant after every action.
 */
import { expect } from 'vitest';
import { decide } from '../src/actions/decide.js';
import { isVttError } from '../src/errors/vtt-error.js';
import type { TableEvent, ViewEvent } from '../src/model/events.js';
import type { TableState, TableView } from '../src/model/state.js';
import { applyEvent, applyViewEvent } from '../src/reducer/apply-event.js';
import { commit } from '../src/reducer/commit.js';
import { projectEvent } from '../src/views/project-event.js';
import { viewFor } from '../src/views/view-for.js';
import { populatedTable, USERS } from './table-fixture.js';

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
  steps: readonly { userId: string; action: unknown }[],
  onEvent?: (viewer: string, view: TableView, events: ViewEvent[]) => void,
): Trace {
  let state: TableState = populatedTable();
  const views = new Map(VIEWERS.map((v) => [v, wire(viewFor(state, v))]));
  const trace: Trace = { accepted: 0, types: new Set() };
  steps.forEach(({ userId, action }, step) => {
    let committed: { state: TableState; events: TableEvent[] };
    try {
      const drafts = decide(state, action as never, { userId, now: 5_000 + step });
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
        onEvent?.(viewer, view, projected);
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
