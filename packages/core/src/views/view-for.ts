/**
 * The per-viewer view of a whole table: what a client receives as a
 * snapshot, and what its replica must equal after applying projected events.
 */
import { VttError } from '../errors/vtt-error.js';
import type { ChatMessage, Member } from '../model/documents.js';
import type { TableDocs, TableView } from '../model/state.js';
import {
  actorVisible,
  noteVisible,
  sceneVisible,
  tokenVisible,
  viewCombat,
  viewMessage,
  viewTimelineEntry,
} from './visibility.js';

/** The member `viewerId` of `docs`, or a `VTT_ERR_PERMISSION_NOT_MEMBER` error. */
export function memberOf(docs: TableDocs, viewerId: string): Member {
  const member = docs.members[viewerId];
  if (member === undefined)
    throw new VttError('VTT_ERR_PERMISSION_NOT_MEMBER', { userId: viewerId });
  return member;
}

function filterMap<T>(
  map: Readonly<Record<string, T>>,
  view: (doc: T) => T | undefined,
): Record<string, T> {
  const out: Record<string, T> = {};
  for (const id in map) {
    const doc = view(map[id]!);
    if (doc !== undefined) out[id] = doc;
  }
  return out;
}

/**
 * What `viewerId` may see of `state`: never the dice generator or undo
 * stacks; for non-GMs no hidden scene or token, nothing under fog that they
 * do not own, no GM note or timeline entry, no whisper to others, no hidden
 * combatant, no actor they have no ownership of. Throws
 * `VTT_ERR_PERMISSION_NOT_MEMBER` for a user who is not a member.
 *
 * @example
 * const view = viewFor(state, 'u-player');
 * socket.send(JSON.stringify({ type: 'snapshot', seq: state.seq, view }));
 */
export function viewFor(state: TableDocs, viewerId: string): TableView {
  const member = memberOf(state, viewerId);
  const gm = member.role === 'gm';
  return {
    viewerId,
    campaign: state.campaign,
    members: state.members,
    scenes: gm
      ? state.scenes
      : filterMap(state.scenes, (s) => (sceneVisible(s, member) ? s : undefined)),
    tokens: gm
      ? state.tokens
      : filterMap(state.tokens, (t) => (tokenVisible(state, t, member) ? t : undefined)),
    actors: gm
      ? state.actors
      : filterMap(state.actors, (a) => (actorVisible(a, member) ? a : undefined)),
    notes: gm
      ? state.notes
      : filterMap(state.notes, (n) => (noteVisible(state, n, member) ? n : undefined)),
    combat: state.combat === null ? null : viewCombat(state, state.combat, member),
    chat: gm ? state.chat : viewChat(state.chat, member),
    timeline: gm
      ? state.timeline
      : filterMap(state.timeline, (e) => viewTimelineEntry(state, e, member)),
  };
}

function viewChat(chat: readonly ChatMessage[], member: Member): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const message of chat) {
    const seen = viewMessage(message, member);
    if (seen !== undefined) out.push(seen);
  }
  return out;
}
