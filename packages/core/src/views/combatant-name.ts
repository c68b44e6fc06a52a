/**
 * The display name of a combatant. A combatant stores only its own explicit
 * name; the name of its token or actor is derived when it is read, from the
 * documents the reader holds, so no document carries a copy of a value
 * another document may keep secret (see docs/reference/state-model.md,
 * "Derived, never copied").
 */
import type { Combatant, Member } from '../model/documents.js';
import type { TableDocs } from '../model/state.js';
import { actorVisible, tokenVisible } from './visibility.js';

/** What a combatant is called when neither it nor a source its reader may see names it. */
export const UNKNOWN_COMBATANT = 'Unknown combatant';

/**
 * The name to show for `combatant`: its own `name`, else the name of its
 * token, else of its actor, else {@link UNKNOWN_COMBATANT}. Reads only
 * `docs`: on a client pass its view, which holds only what its viewer may
 * see. With `member`, sources that member may not see are skipped too (for
 * text the server writes on a member's behalf, such as a chat message).
 *
 * @example
 * combatantName(view, view.combat.combatants.c1); // 'Goblin' (its token's name)
 * combatantName(state, combatant, player); // 'Unknown combatant' when the actor is hidden from them
 */
export function combatantName(docs: TableDocs, combatant: Combatant, member?: Member): string {
  if (combatant.name !== null) return combatant.name;
  const token = combatant.tokenId === null ? undefined : docs.tokens.get(combatant.tokenId);
  if (token !== undefined && (member === undefined || tokenVisible(docs, token, member))) {
    return token.name;
  }
  const actor = combatant.actorId === null ? undefined : docs.actors.get(combatant.actorId);
  if (actor !== undefined && (member === undefined || actorVisible(actor, member))) {
    return actor.name;
  }
  return UNKNOWN_COMBATANT;
}
