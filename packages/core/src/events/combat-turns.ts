/**
 * Turn order of a combat. Pure functions shared by `decide` (which turn
 * comes next), the reducer and the permission rules (a player may only pass
 * the turn the canonical way). Effects tick in `effect-ticks.ts`.
 */
import type { Combat, Combatant } from '../model/documents.js';

/**
 * The combatants in turn order: initiative descending (unset last), then id.
 * Defeated combatants keep their place.
 *
 * @example
 * turnOrder(combat).map((c) => c.name); // ['Rogue', 'Goblin', 'Fighter']
 */
export function turnOrder(combat: Combat): Combatant[] {
  return Object.values(combat.combatants).sort((a, b) => {
    const ia = a.initiative ?? -Infinity;
    const ib = b.initiative ?? -Infinity;
    if (ia !== ib) return ib - ia;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/** Where a combat stands after a turn passes. */
export interface TurnPosition {
  readonly round: number;
  readonly turn: string | null;
  /** The initiative pass, only for combats with passes. */
  readonly pass?: number;
}

/**
 * Whether `c` acts in `pass` of a combat with passes: everyone acts in pass 1;
 * in a later pass only those whose whole initiative minus the drops is still
 * above 0. The fraction is a tie-break (e.g. + Edge / 100) and never earns a
 * pass: 10.05 acts once with a step of 10.
 */
function actsInPass(c: Combatant, pass: number, step: number): boolean {
  return pass <= 1 || (c.initiative !== null && Math.floor(c.initiative) - (pass - 1) * step > 0);
}

/**
 * The round and turn after the current turn ends: the next combatant that is
 * not defeated, wrapping into a new round. A combat that has not started
 * (round 0) starts at round 1 with the first combatant. With initiative
 * passes (`combat.passStep`), a round runs pass after pass while anyone's
 * initiative, lowered by `passStep` per pass, stays above 0.
 *
 * @example
 * advanceTurn({ ...combat, round: 1, turn: 'c-last' }); // { round: 2, turn: 'c-first' }
 */
export function advanceTurn(combat: Combat): TurnPosition {
  const step = combat.passStep ?? null;
  const at = (round: number, turn: string | null, pass: number): TurnPosition =>
    step === null ? { round, turn } : { round, turn, pass };
  const order = turnOrder(combat).filter((c) => !c.defeated || c.id === combat.turn);
  const active = order.filter((c) => !c.defeated);
  if (active.length === 0) return at(Math.max(combat.round, 1), null, 1);
  if (combat.round === 0 || combat.turn === null) {
    return at(Math.max(combat.round, 1), active[0]!.id, 1);
  }
  const pass = Math.max(combat.pass ?? 1, 1);
  const inPass = (c: Combatant, p: number) => step === null || actsInPass(c, p, step);
  const index = order.findIndex((c) => c.id === combat.turn);
  for (let i = index + 1; i < order.length; i++) {
    const c = order[i]!;
    if (!c.defeated && inPass(c, pass)) return at(combat.round, c.id, pass);
  }
  if (step !== null) {
    const next = active.find((c) => actsInPass(c, pass + 1, step));
    if (next !== undefined) return at(combat.round, next.id, pass + 1);
  }
  return at(combat.round + 1, active[0]!.id, 1);
}

/**
 * `combat` after the turn passed to `next`. The effects of its combatants'
 * tokens and actors tick with it: see `turnTicks`.
 */
export function passTurn(combat: Combat, next: TurnPosition): Combat {
  return {
    ...combat,
    round: next.round,
    turn: next.turn,
    ...(next.pass === undefined ? {} : { pass: next.pass }),
  };
}

/**
 * `combat` without combatant `id`: when it was their turn, the turn passes
 * to the next combatant (no effects tick), or to nobody.
 *
 * @example
 * withoutCombatant(combat, 'c2').combatants.c2; // undefined
 */
export function withoutCombatant(combat: Combat, id: string): Combat {
  if (!(id in combat.combatants)) return combat;
  const next = combat.turn === id ? advanceTurn(combat) : combat;
  const { [id]: _removed, ...combatants } = combat.combatants;
  return { ...combat, round: next.round, turn: next.turn === id ? null : next.turn, combatants };
}
