/**
 * What undo puts back for one document, judged on what the undoing member
 * can see: a change they cannot see neither makes their undo conflict nor
 * is overwritten by it.
 */
import { VttError } from '../errors/vtt-error.js';
import { getDoc, setDoc } from '../model/doc-refs.js';
import type { Member } from '../model/documents.js';
import { deepEqual } from '../model/json.js';
import type { TableState, UndoChange } from '../model/state.js';
import { viewDoc } from '../views/visibility.js';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Three-way merge: `current` with the step from `after` back to `before`
 * applied where `current` still is as `after` left it. Objects merge per
 * key, arrays as sets (what the step added goes, what it removed comes
 * back); where `current` moved on, `current` wins.
 */
export function mergeBack(current: unknown, after: unknown, before: unknown): unknown {
  if (deepEqual(after, before)) return current;
  if (deepEqual(current, after)) return before;
  if (isObject(current) && isObject(after) && isObject(before)) {
    const out: Record<string, unknown> = { ...current };
    for (const key of new Set([
      ...Object.keys(current),
      ...Object.keys(after),
      ...Object.keys(before),
    ])) {
      const value = mergeBack(current[key], after[key], before[key]);
      if (value === undefined) delete out[key];
      else out[key] = value;
    }
    return out;
  }
  if (Array.isArray(current) && Array.isArray(after) && Array.isArray(before)) {
    const has = (xs: readonly unknown[], x: unknown) => xs.some((y) => deepEqual(x, y));
    const added = after.filter((x) => !has(before, x));
    const removed = before.filter((x) => !has(after, x));
    const kept = current.filter((x) => !has(added, x));
    return [...kept, ...removed.filter((x) => !has(kept, x))];
  }
  return current;
}

/**
 * The document undo restores at `change` for `member`, or throws.
 *
 * - Unchanged since the action: `change.before`, as it was.
 * - Changed in a way `member` sees (their view of it now differs from their
 *   view of it as the action left it): `VTT_ERR_UNDO_CONFLICT`.
 * - Changed only where `member` cannot see: the current document with the
 *   action's own change taken back ({@link mergeBack}), so the unseen change
 *   stays. If it was deleted since: `VTT_ERR_DOCUMENT_NOT_FOUND`, as for any
 *   document they cannot see; if its id was taken since:
 *   `VTT_ERR_DOCUMENT_EXISTS` (ids are not secret).
 *
 * A GM sees everything, so any change since conflicts.
 *
 * @example
 * restoredDoc(state, entry.changes[0], member); // the combat with only their initiative put back
 */
export function restoredDoc(state: TableState, change: UndoChange, member: Member): unknown {
  const current = getDoc(state, change) ?? null;
  if (deepEqual(current, change.after)) return change.before;
  const seenNow = viewDoc(state, change, member) ?? null;
  const asLeft = { ...state, ...setDoc(state, change, change.after) };
  const seenLeft = viewDoc(asLeft, change, member) ?? null;
  const ref = { collection: change.collection, id: change.id };
  if (!deepEqual(seenNow, seenLeft)) throw new VttError('VTT_ERR_UNDO_CONFLICT', ref);
  if (current === null) throw new VttError('VTT_ERR_DOCUMENT_NOT_FOUND', ref);
  if (change.after === null) throw new VttError('VTT_ERR_DOCUMENT_EXISTS', ref);
  if (change.before === null) return null;
  return mergeBack(current, change.after, change.before);
}
