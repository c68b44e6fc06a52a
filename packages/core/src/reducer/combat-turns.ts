/**
 * Turn order and effect durations of a combat. Pure functions shared by
 * `decide` (which turn comes next), the reducer (which effects tick) and the
 * permission rules (a player may only pass the turn the canonical way).
 */
import type { Combat, Combatant, Effect } from '../model/documents.js';

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

/**
 * The round and turn after the current turn ends: the next combatant that is
 * not defeated, wrapping into a new round. A combat that has not started
 * (round 0) starts at round 1 with the first combatant.
 *
 * @example
 * advanceTurn({ ...combat, round: 1, turn: 'c-last' }); // { round: 2, turn: 'c-first' }
 */
export function advanceTurn(combat: Combat): { round: number; turn: string | null } {
  const order = turnOrder(combat).filter((c) => !c.defeated || c.id === combat.turn);
  const active = order.filter((c) => !c.defeated);
  if (active.length === 0) return { round: Math.max(combat.round, 1), turn: null };
  if (combat.round === 0 || combat.turn === null) {
    return { round: Math.max(combat.round, 1), turn: active[0]!.id };
  }
  const index = order.findIndex((c) => c.id === combat.turn);
  for (let i = index + 1; i < order.length; i++) {
    if (!order[i]!.defeated) return { round: combat.round, turn: order[i]!.id };
  }
  return { round: combat.round + 1, turn: active[0]!.id };
}

function tick(effects: readonly Effect[], applies: (effect: Effect) => boolean): readonly Effect[] {
  let changed = false;
  const out: Effect[] = [];
  for (const effect of effects) {
    if (!applies(effect)) {
      out.push(effect);
      continue;
    }
    changed = true;
    if (effect.remaining > 1) out.push({ ...effect, remaining: effect.remaining - 1 });
  }
  return changed ? out : effects;
}

/**
 * `combat` after the turn passed to `next`: effects of the combatant whose
 * turn ended tick if `turn-end`, those of the next combatant if
 * `turn-start`, and every `round-end` effect when a new round began (not when
 * round 1 starts). Effects reaching 0 remaining rounds end.
 */
export function passTurn(combat: Combat, next: { round: number; turn: string | null }): Combat {
  const newRound = combat.round >= 1 && next.round > combat.round;
  let combatants: Record<string, Combatant> | undefined;
  for (const id in combat.combatants) {
    const c = combat.combatants[id]!;
    const effects = tick(
      c.effects,
      (e) =>
        (e.tick === 'turn-end' && id === combat.turn) ||
        (e.tick === 'turn-start' && id === next.turn) ||
        (e.tick === 'round-end' && newRound),
    );
    if (effects === c.effects) continue;
    combatants ??= { ...combat.combatants };
    combatants[id] = { ...c, effects };
  }
  return {
    ...combat,
    round: next.round,
    turn: next.turn,
    combatants: combatants ?? combat.combatants,
  };
}
