/**
 * Undo bookkeeping, done by the reducer from events alone so that replaying
 * the log rebuilds it: every undoable action of a user becomes an entry of
 * `state.undo[userId]` holding each changed document before and after.
 */
import { getDoc } from '../model/doc-refs.js';
import type { TableEvent } from '../events/event-types.js';
import type { TableDocs, TableState, UndoChange, UndoEntry } from '../model/state.js';
import type { EventHandler } from '../events/event-handler.js';

function withChanges(
  entry: UndoEntry,
  handler: EventHandler<unknown>,
  before: TableDocs,
  after: TableDocs,
  payload: unknown,
): UndoEntry {
  let changes: UndoChange[] | undefined;
  for (const ref of handler.changes({ docs: before, payload })) {
    const b = getDoc(before, ref);
    const a = getDoc(after, ref);
    if (b === a) continue;
    changes ??= [...entry.changes];
    const i = changes.findIndex((c) => c.collection === ref.collection && c.id === ref.id);
    if (i >= 0) changes[i] = { ...changes[i]!, after: a ?? null };
    else
      changes.push({ collection: ref.collection, id: ref.id, before: b ?? null, after: a ?? null });
  }
  return changes ? { ...entry, changes } : entry;
}

/**
 * Whether `event` changes the campaign's add-on modules. The server makes
 * that change (its rows and the rules its table runs change with it), so a
 * table's undo never takes it back.
 */
function changesModules(event: TableEvent): boolean {
  return event.type === 'core:campaign-updated' && event.payload.patch.modules !== undefined;
}

/**
 * The undo stacks after `event` took `before` to `after`. An action's first
 * event opens an entry if undoable; later events of the same batch extend
 * it, or drop it when not undoable (a roll cannot be taken back half-way).
 * Undo's own events remove the entry they undo.
 */
export function recordUndo(
  before: TableState,
  after: TableDocs,
  event: TableEvent,
  handler: EventHandler<unknown>,
): TableState['undo'] {
  const server = event.server;
  const undo = before.undo;
  if (event.type === 'core:member-removed' && event.payload.userId in undo) {
    const { [event.payload.userId]: _gone, ...rest } = undo;
    return rest;
  }
  if (server?.batch === undefined) return undo;
  const stack = undo[event.author] ?? [];
  const top = stack[stack.length - 1];
  if (server.undoes !== undefined) {
    if (top?.batch !== server.undoes) return undo;
    return { ...undo, [event.author]: stack.slice(0, -1) };
  }
  const inTop = top !== undefined && top.batch === server.batch;
  if (!handler.undoable || changesModules(event)) {
    return inTop ? { ...undo, [event.author]: stack.slice(0, -1) } : undo;
  }
  if (inTop) {
    const entry = withChanges(top, handler, before, after, event.payload);
    return entry === top ? undo : { ...undo, [event.author]: [...stack.slice(0, -1), entry] };
  }
  if (event.seq !== server.batch) return undo; // the batch began with something not undoable
  const entry = withChanges(
    { batch: server.batch, changes: [] },
    handler,
    before,
    after,
    event.payload,
  );
  if (entry.changes.length === 0) return undo;
  const depth = Math.max(0, before.campaign.settings.undoDepth);
  const kept = stack.length >= depth ? stack.slice(stack.length - depth + 1) : stack;
  return depth === 0 ? undo : { ...undo, [event.author]: [...kept, entry] };
}
