/**
 * Who owns what: campaign roles and per-document ownership. Tokens and
 * combatants are owned through their actor. A GM owns everything.
 */
import type { Actor, Combatant, Member, OwnershipLevel, Token } from '../model/documents.js';
import type { TableDocs } from '../model/state.js';

/**
 * The ownership level `member` has on `actor`: `'owner'` for GMs, else the
 * member's entry or the actor's default.
 *
 * @example
 * actorLevel(actor, { id: 'u1', name: 'Ann', role: 'player' }); // 'observer'
 */
export function actorLevel(actor: Actor, member: Member): OwnershipLevel {
  if (member.role === 'gm') return 'owner';
  return actor.ownership[member.id] ?? actor.defaultOwnership;
}

/**
 * True when `member` owns `token`: a GM, or an owner of the token's actor.
 *
 * @example
 * if (!ownsToken(state, token, member)) hideDragHandle();
 */
export function ownsToken(docs: TableDocs, token: Token, member: Member): boolean {
  if (member.role === 'gm') return true;
  if (token.actorId === null) return false;
  const actor = docs.actors.get(token.actorId);
  return actor !== undefined && actorLevel(actor, member) === 'owner';
}

/**
 * True when `member` owns `combatant`, through its token, else through its actor.
 *
 * @example
 * const canEndTurn = ownsCombatant(state, state.combat.combatants[state.combat.turn], member);
 */
export function ownsCombatant(docs: TableDocs, combatant: Combatant, member: Member): boolean {
  if (member.role === 'gm') return true;
  if (combatant.tokenId !== null) {
    const token = docs.tokens.get(combatant.tokenId);
    return token !== undefined && ownsToken(docs, token, member);
  }
  if (combatant.actorId === null) return false;
  const actor = docs.actors.get(combatant.actorId);
  return actor !== undefined && actorLevel(actor, member) === 'owner';
}
