import type { ActorCombatTotals, CombatHistory } from './combat-stats-types.js';
import { addTally, NO_ROLLS } from './roll-tally.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * A campaign's combat statistics per actor: each actor's combatants'
 * numbers summed over `combats` (as `createCombatStats` derived them for
 * one reader, so the sums hold only what that reader may know). Combatants
 * without an actor are left out. Sorted by damage dealt, most first, then
 * by name.
 *
 * @example
 * campaignCombatTotals(stats.combats()).find((t) => t.actorId === 'a-fighter')?.damageDealt; // 31
 */
export function campaignCombatTotals(combats: readonly CombatHistory[]): ActorCombatTotals[] {
  const totals = new Map<string, Mutable<ActorCombatTotals>>();
  for (const combat of combats) {
    const counted = new Set<string>();
    for (const c of combat.combatants) {
      if (c.actorId === null) continue;
      let total = totals.get(c.actorId);
      if (total === undefined) {
        total = {
          actorId: c.actorId,
          name: c.name,
          combats: 0,
          turns: 0,
          rolls: NO_ROLLS,
          damageDealt: 0,
          damageTaken: 0,
          healingDone: 0,
          healingReceived: 0,
        };
        totals.set(c.actorId, total);
      }
      if (!counted.has(c.actorId)) total.combats += 1;
      counted.add(c.actorId);
      total.name = c.name;
      total.turns += c.turns;
      total.rolls = addTally(total.rolls, c.rolls);
      total.damageDealt += c.damageDealt;
      total.damageTaken += c.damageTaken;
      total.healingDone += c.healingDone;
      total.healingReceived += c.healingReceived;
    }
  }
  return [...totals.values()].sort(
    (a, b) => b.damageDealt - a.damageDealt || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
