/** Deciding `core:undo`: compensating events for the sender's last undoable action. */
import { defineActionHandlers } from '../actions/action-handler.js';
import { VttError } from '../errors/vtt-error.js';
import { getDoc } from '../model/doc-refs.js';
import { deepEqual } from '../model/json.js';

/**
 * Handler of `core:undo`. Takes the top entry of the sender's undo stack;
 * if every document it changed is still as the action left it, emits one
 * `core:document-restored` per document (marked as undoing that batch, so the
 * reducer pops the entry), else throws `VTT_ERR_UNDO_CONFLICT`. The restores
 * pass `authorize` like any event: a player who lost ownership cannot undo.
 */
export const UNDO_ACTIONS = defineActionHandlers({
  'core:undo': ({ state, member }) => {
    const stack = state.undo[member.id] ?? [];
    const entry = stack[stack.length - 1];
    if (entry === undefined) throw new VttError('VTT_ERR_UNDO_NOTHING');
    for (const change of entry.changes) {
      if (!deepEqual(getDoc(state, change) ?? null, change.after)) {
        throw new VttError('VTT_ERR_UNDO_CONFLICT', {
          collection: change.collection,
          id: change.id,
        });
      }
    }
    return [...entry.changes].reverse().map((change) => ({
      type: 'core:document-restored' as const,
      payload: { collection: change.collection, id: change.id, doc: change.before },
      server: { undoes: entry.batch },
    }));
  },
});
