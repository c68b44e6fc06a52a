/** Numbering drafts into events and applying them: the last step of the pipeline. */
import type { EventDraft, TableEvent } from '../events/event-types.js';
import type { DocRef, TableState } from '../model/state.js';
import { handlerFor } from '../events/registry.js';
import { checkStateLimits } from '../limits/state-limits.js';
import { applyEvent } from './apply-event.js';

/** Who caused the drafts and when (ms since the epoch, injected by the host). */
export interface CommitContext {
  readonly author: string;
  readonly now: number;
}

/**
 * Turns the drafts of one action into events (seq, author, time, and the
 * batch marker undo groups them by) and applies them. The server persists
 * `events` before acknowledging the action, then projects each for every
 * viewer. Does not authorize: `decide` has; it refuses growth past
 * `STATE_LIMITS` (`VTT_ERR_DOCUMENT_TOO_LARGE`,
 * `VTT_ERR_MEMBER_CONTRIBUTION_TOO_LARGE`), whoever proposed it.
 *
 * @example
 * const drafts = decide(state, action, { userId, now });
 * const { state: next, events } = commit(state, drafts, { author: userId, now });
 */
export function commit(
  state: TableState,
  drafts: readonly EventDraft[],
  ctx: CommitContext,
): { state: TableState; events: TableEvent[] } {
  const batch = state.seq + 1;
  const events: TableEvent[] = [];
  let next = state;
  const changed: DocRef[] = [];
  for (const draft of drafts) {
    const event = {
      seq: next.seq + 1,
      type: draft.type,
      author: ctx.author,
      time: ctx.now,
      payload: draft.payload,
      server: { ...draft.server, batch },
    } as TableEvent;
    changed.push(...handlerFor(event.type).changes({ docs: next, payload: event.payload }));
    next = applyEvent(next, event);
    events.push(event);
  }
  checkStateLimits(state, next, changed);
  return { state: next, events };
}
