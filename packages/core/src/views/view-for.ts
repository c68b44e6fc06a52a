/**
 * The per-viewer view of a whole table: what a client receives as a
 * snapshot, and what its replica must equal after applying projected events.
 */
import { VttError } from '../errors/vtt-error.js';
import type { Campaign, ChatMessage, Member } from '../model/documents.js';
import type { DocCollection, DocRef, TableDocs, TableView } from '../model/state.js';
import type { VisibilityPolicy } from '../model/visibility-policy.js';
import { viewJournalCollections } from './journal-visibility.js';
import { viewRollTables } from './roll-table-visibility.js';
import { viewMarkCollections } from './scene-mark-visibility.js';
import { viewCombat, viewDoc, viewMessage } from './visibility.js';

const CAMPAIGN: DocRef = { collection: 'campaign', id: 'campaign' };

/** The member `viewerId` of `docs`, or a `VTT_ERR_PERMISSION_NOT_MEMBER` error. */
export function memberOf(docs: TableDocs, viewerId: string): Member {
  const member = docs.members.get(viewerId);
  if (member === undefined)
    throw new VttError('VTT_ERR_PERMISSION_NOT_MEMBER', { userId: viewerId });
  return member;
}

/**
 * What `viewerId` may see of `state`: never the dice generator or undo
 * stacks; for non-GMs no hidden scene or token, nothing under fog that they
 * do not own, no GM note or timeline entry, no whisper to others, no hidden
 * combatant, no hidden effect or one on what they cannot see, no actor they have no ownership of, no actor data at
 * `limited`, no item of the library or of an actor whose data they do not
 * see, no GM-only template or drawing, no field or module flag the campaign's visibility policy
 * hides from them. Throws
 * `VTT_ERR_PERMISSION_NOT_MEMBER` for a user who is not a member.
 *
 * @example
 * const view = viewFor(state, 'u-player');
 * socket.send(JSON.stringify({ type: 'snapshot', seq: state.seq, view }));
 */
export function viewFor(state: TableDocs, viewerId: string): TableView {
  const member = memberOf(state, viewerId);
  const gm = member.role === 'gm';
  // Every document as viewDoc sees it, so snapshots and projected events agree.
  const seen =
    <T extends { readonly id: string }>(collection: DocCollection) =>
    (doc: T): T | undefined =>
      viewDoc(state, { collection, id: doc.id }, member) as T | undefined;
  return {
    viewerId,
    campaign: gm ? state.campaign : (viewDoc(state, CAMPAIGN, member) as Campaign),
    members: state.members,
    scenes: gm ? state.scenes : state.scenes.project(seen('scenes')),
    tokens: gm ? state.tokens : state.tokens.project(seen('tokens')),
    actors: gm ? state.actors : state.actors.project(seen('actors')),
    items: gm ? state.items : state.items.project(seen('items')),
    notes: gm ? state.notes : state.notes.project(seen('notes')),
    combat: state.combat === null ? null : viewCombat(state, state.combat, member),
    chat: gm ? state.chat : viewChat(state.chat, member, state.campaign.visibility),
    timeline: gm ? state.timeline : state.timeline.project(seen('timeline')),
    ...viewJournalCollections(state, member),
    effects: gm ? state.effects : state.effects.project(seen('effects')),
    rollTables: viewRollTables(state, member),
    ...viewMarkCollections(state, member),
  };
}

function viewChat(
  chat: readonly ChatMessage[],
  member: Member,
  policy: VisibilityPolicy | undefined,
): ChatMessage[] {
  const out: ChatMessage[] = [];
  for (const message of chat) {
    const seen = viewMessage(message, member, policy);
    if (seen !== undefined) out.push(seen);
  }
  return out;
}
