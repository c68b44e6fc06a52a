/** Deciding `core:undo`: compensating events for the sender's last undoable action. */
import { defineActionHandlers } from '../actions/action-handler.js';
import { VttError } from '../errors/vtt-error.js';
import { setDoc } from '../model/doc-refs.js';
import type { DocCollection, DocRef, TableDocs } from '../model/state.js';
import { relink } from '../events/links.js';
import { restoredDoc } from './restore-doc.js';

/** Documents before the documents that link to them. */
const RANK: Readonly<Record<DocCollection, number>> = {
  campaign: 0,
  members: 1,
  scenes: 2,
  actors: 3,
  items: 4,
  tokens: 5,
  notes: 6,
  combat: 7,
  timeline: 8,
  folders: 9,
  journal: 10,
  playlists: 11,
  effects: 12,
  templates: 13,
  drawings: 14,
  rollTables: 15,
};

/** Removals first, those that link to others first; then restores, linked-to first. */
function restoreOrder(a: { ref: DocRef; doc: unknown }, b: { ref: DocRef; doc: unknown }): number {
  const ra = a.doc == null;
  const rb = b.doc == null;
  if (ra !== rb) return ra ? -1 : 1;
  const d = RANK[a.ref.collection] - RANK[b.ref.collection];
  return ra ? -d : d;
}

/**
 * Handler of `core:undo`. Takes the top entry of the sender's undo stack and
 * emits one `core:document-restored` per document it changed (marked as
 * undoing that batch, so the reducer pops the entry). Each document is
 * judged on what the sender can see (`restoredDoc`): a change they see
 * answers `VTT_ERR_UNDO_CONFLICT`, one they cannot see is kept. Restored
 * documents follow the deletion rules for links whose target is gone since
 * (`relink`): a token or note whose scene is gone answers
 * `VTT_ERR_DOCUMENT_NOT_FOUND`. The restores pass `authorize` like any event:
 * a player who lost ownership cannot undo.
 */
export const UNDO_ACTIONS = defineActionHandlers({
  'core:undo': ({ state, member }) => {
    const stack = state.undo[member.id] ?? [];
    const entry = stack[stack.length - 1];
    if (entry === undefined) throw new VttError('VTT_ERR_UNDO_NOTHING');
    const restores = entry.changes.map((change) => ({
      ref: { collection: change.collection, id: change.id },
      doc: restoredDoc(state, change, member),
    }));
    let final: TableDocs = state;
    for (const r of restores) final = { ...final, ...setDoc(final, r.ref, r.doc) };
    return restores
      .map((r) => ({ ref: r.ref, doc: relink(final, r.ref, r.doc) ?? null }))
      .sort(restoreOrder)
      .map(({ ref, doc }) => ({
        type: 'core:document-restored' as const,
        payload: { ...ref, doc },
        server: { undoes: entry.batch },
      }));
  },
});
