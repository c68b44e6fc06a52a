/**
 * The one pure reducer: applies events to the full state, and projected
 * events to a viewer's view, with the same per-event code.
 */
import { VttError } from '../errors/vtt-error.js';
import { setDoc } from '../model/doc-refs.js';
import { reviveView } from '../model/revive.js';
import type { TableEvent, ViewEvent } from '../events/event-types.js';
import type { TableState, TableView } from '../model/state.js';
import { recordUndo } from '../undo/record-undo.js';
import { handlerFor } from '../events/registry.js';

/**
 * Applies one committed event to the full state and returns the new state
 * (the input is never mutated). Runs on the server after `commit` and when
 * replaying the log from a snapshot. Throws `VTT_ERR_EVENT_SEQUENCE` unless
 * `event.seq` is `state.seq + 1`, and `VTT_ERR_EVENT_UNKNOWN` for a type
 * without a handler.
 *
 * @example
 * const next = applyEvent(state, { seq: state.seq + 1, type: 'core:token-moved',
 *   author: 'u1', time: Date.now(), payload: { tokenId: 't1', x: 200, y: 100 } });
 */
export function applyEvent(state: TableState, event: TableEvent): TableState {
  if (event.seq !== state.seq + 1) {
    throw new VttError('VTT_ERR_EVENT_SEQUENCE', { seq: event.seq, expected: state.seq + 1 });
  }
  const handler = handlerFor(event.type);
  const patch = handler.apply({ docs: state, payload: event.payload, event });
  const server = event.server;
  if (server === undefined) return { ...state, ...patch, seq: event.seq };
  const next: TableState = { ...state, ...patch, seq: event.seq, rng: server.rng ?? state.rng };
  const undo = recordUndo(state, next, event, handler);
  return undo === state.undo ? next : { ...next, undo };
}

/**
 * Applies events in order; the log replay of a snapshot.
 *
 * @example
 * const state = applyEvents(snapshot, eventsSince(snapshot.seq));
 */
export function applyEvents(state: TableState, events: readonly TableEvent[]): TableState {
  let next = state;
  for (const event of events) next = applyEvent(next, event);
  return next;
}

/**
 * Applies one projected event to a viewer's view, with the reducer's own
 * per-event code for ordinary events. Runs in every client replica.
 *
 * @example
 * socket.onmessage = (m) => { view = applyViewEvent(view, JSON.parse(m.data)); };
 */
export function applyViewEvent(view: TableView, event: ViewEvent): TableView {
  switch (event.type) {
    case 'core:document-synced':
      return { ...view, ...setDoc(view, event.payload, event.payload.doc) };
    case 'core:document-removed':
      return { ...view, ...setDoc(view, event.payload, null) };
    case 'core:chat-pruned':
      return { ...view, chat: view.chat.filter((m) => m.seq >= event.payload.before) };
    case 'core:view-replaced':
      return reviveView(event.payload.view);
    default:
      return {
        ...view,
        ...handlerFor(event.type).apply({ docs: view, payload: event.payload, event }),
      };
  }
}
