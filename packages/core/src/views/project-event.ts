/**
 * The per-viewer projection of events: what one viewer receives of an event
 * so that applying it to their view gives exactly their view of the new
 * state (`applyViewEvent(viewFor(before, v), e...) = viewFor(after, v)`).
 */
import { getDoc, refKey, ref as docRef } from '../model/doc-refs.js';
import type { Member } from '../model/documents.js';
import type { TableEvent, ViewEvent } from '../events/event-types.js';
import { effectsOf } from '../model/effects.js';
import { deepEqual } from '../model/json.js';
import { drawingsOf, templatesOf } from '../model/scene-marks.js';
import type { DocRef, TableDocs, TableState } from '../model/state.js';
import { handlerFor } from '../events/registry.js';
import { folderContents } from './journal-visibility.js';
import { tablesNesting } from './roll-table-visibility.js';
import { viewFor } from './view-for.js';
import { viewDoc } from './visibility.js';

type Envelope = Pick<ViewEvent, 'seq' | 'author' | 'time'>;

/** Documents whose view depends on the content of `ref` (tokens, notes, templates and drawings on a scene, an actor's tokens and items, a folder's contents). */
function influenced(docs: TableDocs, ref: DocRef, out: DocRef[]): void {
  if (ref.collection === 'scenes') {
    docs.tokens.forEach((t, id) => void (t.sceneId === ref.id && out.push(docRef('tokens', id))));
    docs.notes.forEach((n, id) => void (n.sceneId === ref.id && out.push(docRef('notes', id))));
    templatesOf(docs).forEach((t, id) => {
      if (t.sceneId === ref.id) out.push(docRef('templates', id));
    });
    drawingsOf(docs).forEach((d, id) => {
      if (d.sceneId === ref.id) out.push(docRef('drawings', id));
    });
  } else if (ref.collection === 'actors') {
    docs.tokens.forEach((t, id) => void (t.actorId === ref.id && out.push(docRef('tokens', id))));
    docs.items.forEach((i, id) => void (i.actorId === ref.id && out.push(docRef('items', id))));
  } else if (ref.collection === 'folders') {
    out.push(...folderContents(docs, ref.id));
  }
}

/** Documents whose view depends on whether `ref` is visible (combatants and effects of a token, links). */
function dependents(docs: TableDocs, ref: DocRef, out: DocRef[]): void {
  if (ref.collection === 'tokens' || ref.collection === 'actors') {
    effectsOf(docs).forEach((e) => {
      if (e.target.collection === ref.collection && e.target.id === ref.id) {
        out.push(docRef('effects', e.id));
      }
    });
  }
  if (ref.collection === 'tokens' && docs.combat !== null) {
    for (const id in docs.combat.combatants) {
      if (docs.combat.combatants[id]!.tokenId === ref.id) {
        out.push(docRef('combat', 'combat'));
        break;
      }
    }
  }
  if (ref.collection === 'rollTables') {
    for (const id of tablesNesting(docs, ref.id)) out.push(docRef('rollTables', id));
  }
  docs.timeline.forEach((entry, id) => {
    if (entry.links.some((l) => l.collection === ref.collection && l.id === ref.id)) {
      out.push(docRef('timeline', id));
    }
  });
}

function strip(event: TableEvent): ViewEvent {
  return {
    seq: event.seq,
    type: event.type,
    author: event.author,
    time: event.time,
    payload: event.payload,
  } as ViewEvent;
}

function diff(
  envelope: Envelope,
  ref: DocRef,
  before: unknown,
  after: unknown,
): ViewEvent | undefined {
  if (after === undefined) {
    if (before === undefined) return undefined;
    return { ...envelope, type: 'core:document-removed', payload: ref };
  }
  if (deepEqual(before, after)) return undefined;
  return { ...envelope, type: 'core:document-synced', payload: { ...ref, doc: after } };
}

/**
 * What `viewerId` receives of `event`, which took `before` to `after`. GMs
 * get the event without its server-only data. Others get the event itself
 * when they see every document it changes, whole, before and after; else
 * `core:document-synced` / `core:document-removed` per document, and the same
 * for documents whose visibility the event changed (tokens under new fog, the
 * combatants of a hidden token, ...). A viewer whose role changed gets
 * `core:view-replaced`; a user who is not a member gets nothing.
 *
 * @example
 * const { state: next, events } = commit(state, drafts, { author, now });
 * for (const viewer of connected) {
 *   send(viewer, events.flatMap((e, i) => projectEvent(e, states[i], states[i + 1], viewer)));
 * }
 */
export function projectEvent(
  event: TableEvent,
  before: TableState,
  after: TableState,
  viewerId: string,
): ViewEvent[] {
  const was = before.members.get(viewerId);
  const member = after.members.get(viewerId);
  const envelope: Envelope = { seq: event.seq, author: event.author, time: event.time };
  if (member === undefined) return was === undefined ? [] : [strip(event)];
  if (was === undefined || was.role !== member.role) {
    return [
      { ...envelope, type: 'core:view-replaced', payload: { view: viewFor(after, viewerId) } },
    ];
  }
  const handler = handlerFor(event.type);
  const transparent = handler.transparent !== false;
  if (member.role === 'gm' && transparent) return [strip(event)];
  if (handler.project && member.role !== 'gm') {
    return handler.project({
      before,
      after,
      member,
      payload: event.payload,
      event: { ...envelope, type: event.type },
    });
  }
  return projectByDocument(event, before, after, member, envelope, transparent);
}

function projectByDocument(
  event: TableEvent,
  before: TableState,
  after: TableState,
  member: Member,
  envelope: Envelope,
  transparent: boolean,
): ViewEvent[] {
  const changed = handlerFor(event.type).changes({ docs: before, payload: event.payload });
  const seen = new Set<string>();
  const queue: DocRef[] = [];
  const views: Array<{ ref: DocRef; vb: unknown; va: unknown }> = [];
  let pass = transparent;
  for (const ref of changed) {
    seen.add(refKey(ref));
    const vb = viewDoc(before, ref, member);
    const va = viewDoc(after, ref, member);
    if (vb !== getDoc(before, ref) || va !== getDoc(after, ref)) pass = false;
    views.push({ ref, vb, va });
    influenced(before, ref, queue);
    influenced(after, ref, queue);
    if ((vb === undefined) !== (va === undefined)) {
      dependents(before, ref, queue);
      dependents(after, ref, queue);
    }
  }
  const out: ViewEvent[] = [];
  if (pass) out.push(strip(event));
  else {
    for (const { ref, vb, va } of views) {
      const e = diff(envelope, ref, vb, va);
      if (e) out.push(e);
    }
  }
  while (queue.length > 0) {
    const ref = queue.shift()!;
    const key = refKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    const vb = viewDoc(before, ref, member);
    const va = viewDoc(after, ref, member);
    const e = diff(envelope, ref, vb, va);
    if (e) out.push(e);
    if ((vb === undefined) !== (va === undefined)) {
      dependents(before, ref, queue);
      dependents(after, ref, queue);
    }
  }
  return out;
}
