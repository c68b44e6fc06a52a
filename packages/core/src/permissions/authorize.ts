/** The permission check of one event draft against the state before it. */
import { getDoc } from '../model/doc-refs.js';
import type { EventDraft } from '../events/event-types.js';
import type { TableState } from '../model/state.js';
import { handlerFor } from '../events/registry.js';
import { memberOf } from '../views/view-for.js';
import { checkDocChange } from './document-rules.js';

/**
 * Throws a VttError unless user `userId` may cause `draft` in `state`:
 * integrity first (ids exist or are free), then the event's own rule (chat,
 * members) or, for everything else, the per-document rules applied to what
 * the event would change (its `checked` documents, else all it changes). `decide` calls it for every draft; the server
 * calls it for events returned by module code.
 *
 * @example
 * authorize(state, 'u-player', { type: 'core:token-moved', payload: { tokenId: 't1', x: 0, y: 0 } });
 */
export function authorize(state: TableState, userId: string, draft: EventDraft): void {
  const member = memberOf(state, userId);
  const handler = handlerFor(draft.type);
  const ctx = { state, member, payload: draft.payload };
  handler.check?.(ctx);
  if (handler.permit) return handler.permit(ctx);
  if (member.role === 'gm') return;
  const refs = (handler.checked ?? handler.changes)({ docs: state, payload: draft.payload });
  if (refs.length === 0) return;
  const meta = { seq: state.seq + 1, author: userId, time: 0 };
  const after = {
    ...state,
    ...handler.apply({ docs: state, payload: draft.payload, event: meta }),
  };
  for (const ref of refs) {
    const before = getDoc(state, ref);
    const next = getDoc(after, ref);
    if (before === next) continue;
    checkDocChange({
      docs: state,
      member,
      collection: ref.collection,
      id: ref.id,
      before,
      after: next,
    });
  }
}
