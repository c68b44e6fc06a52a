/**
 * The driver of the projection property tests: runs random steps through
 * decide and commit and checks the view invariant after every action.
 */
import { expect } from 'vitest';
import { decide } from '../src/actions/decide.js';
import { isVttError } from '../src/errors/vtt-error.js';
import type { EventDraft, TableEvent, ViewEvent } from '../src/events/event-types.js';
import { getDoc, ref } from '../src/model/doc-refs.js';
import { reviveView } from '../src/model/revive.js';
import { allItems } from '../src/model/item-list.js';
import { foldersOf, journalOf, playlistsOf } from '../src/model/journal-documents.js';
import { makesCycle } from '../src/events/journal-links.js';
import { tableCycle } from '../src/model/roll-table-ranges.js';
import { rollTablesOf } from '../src/model/roll-tables.js';
import { effectsOf } from '../src/model/effects.js';
import { drawingsOf, templatesOf } from '../src/model/scene-marks.js';
import { authorize } from '../src/permissions/authorize.js';
import type { DocRef, TableDocs, TableState, TableView } from '../src/model/state.js';
import { applyEvent, applyViewEvent } from '../src/reducer/apply-event.js';
import { commit } from '../src/reducer/commit.js';
import { projectEvent } from '../src/views/project-event.js';
import { viewFor } from '../src/views/view-for.js';
import { withJournal } from './journal-arbitraries.js';
import { withRollTables } from './roll-table-arbitraries.js';
import { chosenId, resolveNames } from './step-names.js';
import { findCreatedId, populatedTable, USERS } from './table-fixture.js';
import { TEST_POLICY } from './visibility-arbitraries.js';

const VIEWERS = [USERS.gm, USERS.p1, USERS.p2, USERS.obs];

/** Every link of `docs` to a document that does not exist, as `'from -> to'` strings. */
export function danglingLinks(docs: TableDocs): string[] {
  const out: string[] = [];
  const check = (from: string, to: DocRef) => {
    if (getDoc(docs, to) === undefined) out.push(`${from} -> ${to.collection}/${to.id}`);
  };
  for (const t of [...docs.tokens.values()]) {
    check(`tokens/${t.id}`, { collection: 'scenes', id: t.sceneId });
    if (t.actorId !== null) check(`tokens/${t.id}`, { collection: 'actors', id: t.actorId });
  }
  for (const i of allItems(docs))
    if (i.actorId !== null) check(`items/${i.id}`, { collection: 'actors', id: i.actorId });
  for (const n of [...docs.notes.values()])
    check(`notes/${n.id}`, { collection: 'scenes', id: n.sceneId });
  const combat = docs.combat;
  if (combat !== null) {
    if (combat.sceneId !== null) check('combat', { collection: 'scenes', id: combat.sceneId });
    if (combat.turn !== null && !(combat.turn in combat.combatants))
      out.push(`turn -> ${combat.turn}`);
    for (const c of Object.values(combat.combatants)) {
      if (c.tokenId !== null) check(`combatant/${c.id}`, { collection: 'tokens', id: c.tokenId });
      if (c.actorId !== null) check(`combatant/${c.id}`, { collection: 'actors', id: c.actorId });
    }
  }
  for (const e of [...docs.timeline.values()])
    for (const link of e.links) check(`timeline/${e.id}`, link);
  journalOf(docs).forEach((e) => {
    if (e.folderId !== null) check(`journal/${e.id}`, { collection: 'folders', id: e.folderId });
  });
  foldersOf(docs).forEach((f) => {
    if (f.parentId !== null) check(`folders/${f.id}`, { collection: 'folders', id: f.parentId });
    if (makesCycle(docs, f.id, f.parentId)) out.push(`folders/${f.id} -> itself`);
  });
  playlistsOf(docs).forEach((p) => {
    if (p.playing !== null && !p.tracks.some((t) => t.id === p.playing!.trackId))
      out.push(`playlists/${p.id} -> track ${p.playing.trackId}`);
  });
  for (const e of effectsOf(docs).values()) check(`effects/${e.id}`, e.target);
  const tables = rollTablesOf(docs);
  tables.forEach((t) => {
    if (t.folderId !== null) check(`rollTables/${t.id}`, { collection: 'folders', id: t.folderId });
    for (const r of t.results)
      if (r.tableId !== null)
        check(`rollTables/${t.id}`, { collection: 'rollTables', id: r.tableId });
    if (tableCycle(tables, t) !== null) out.push(`rollTables/${t.id} -> itself`);
  });
  templatesOf(docs).forEach((t) => check(`templates/${t.id}`, ref('scenes', t.sceneId)));
  drawingsOf(docs).forEach((d) => check(`drawings/${d.id}`, ref('scenes', d.sceneId)));
  return out;
}
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface Trace {
  accepted: number;
  types: Set<string>;
}

/**
 * Runs the steps; after every accepted action checks, for every viewer, that
 * folding the projected events (through JSON, as on the wire) over their view
 * equals their view of the new state, and that no link dangles. Calls
 * `onEvent` with each projection.
 *
 * A step's `name` is the pool id a non-GM's create was generated with but
 * may not send (see `step-names.ts`): once the create is accepted, the pool
 * id in later steps stands for the id the server chose, until a GM's create
 * chooses the pool id itself.
 */
export function runSteps(
  steps: readonly { userId: string; action?: unknown; draft?: EventDraft; name?: string }[],
  onEvent?: (viewer: string, view: TableView, events: ViewEvent[], after: TableState) => void,
): Trace {
  const names = new Map<string, string>();
  let state: TableState = commit(
    withRollTables(withJournal(populatedTable(), names)),
    [{ type: 'core:visibility-set', payload: { policy: TEST_POLICY } }],
    { author: USERS.gm, now: 4_000 },
  ).state;
  const views = new Map(VIEWERS.map((v) => [v, reviveView(wire(viewFor(state, v)))]));
  const trace: Trace = { accepted: 0, types: new Set() };
  steps.forEach(({ userId, action, draft, name }, step) => {
    let committed: { state: TableState; events: TableEvent[] };
    const sent = action === undefined ? undefined : resolveNames(action, names);
    try {
      // Host events (the visibility policy) have no action: authorize them as decide would.
      if (draft !== undefined) authorize(state, userId, draft);
      const drafts =
        draft !== undefined ? [draft] : decide(state, sent as never, { userId, now: 5_000 + step });
      committed = commit(state, drafts, { author: userId, now: 5_000 + step });
    } catch (error) {
      if (!isVttError(error)) throw error;
      return;
    }
    trace.accepted++;
    const created = findCreatedId(committed.events);
    if (name !== undefined && created !== undefined) names.set(name, created);
    const chosen = sent === undefined ? undefined : chosenId(sent);
    if (chosen !== undefined) names.delete(chosen);
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
    expect(danglingLinks(committed.state), `dangling links after step ${step}`).toEqual([]);
    state = committed.state;
    for (const viewer of VIEWERS) {
      expect(wire(views.get(viewer)), `view of ${viewer} after step ${step}`).toStrictEqual(
        wire(viewFor(state, viewer)),
      );
    }
  });
  return trace;
}
