/**
 * How time passing changes effects, shared by `decide` (which effects wear
 * off, for the chat) and the reducer (which tick and which go): combat
 * turns tick `rounds` effects of the combatants' tokens and actors, and the
 * in-world clock expires `seconds` effects.
 */
import type { DocMap } from '../model/doc-map.js';
import type { ActiveEffect, Campaign, Combat, Combatant } from '../model/documents.js';
import { clockOf, effectsOf, roundSecondsOf } from '../model/effects.js';
import type { TableDocs } from '../model/state.js';
import { turnOrder, type TurnPosition } from './combat-turns.js';

/** What passing time does to effects: those that lose a round (with it lost) and those that end. */
export interface EffectTicks {
  readonly ticked: readonly ActiveEffect[];
  readonly expired: readonly ActiveEffect[];
  /** The clock afterwards. */
  readonly clock: number;
}

/**
 * The combatant whose turns tick `effect`: the first in turn order linked to
 * its token (a token effect) or to its actor (an actor effect).
 */
function combatantOf(order: readonly Combatant[], effect: ActiveEffect): Combatant | undefined {
  const { collection, id } = effect.target;
  return order.find((c) => (collection === 'tokens' ? c.tokenId : c.actorId) === id);
}

/** Whether `next` begins a new round of `combat` (not the first). */
export function beginsRound(combat: Combat, next: TurnPosition): boolean {
  return combat.round >= 1 && next.round > combat.round;
}

function expiresBy(effect: ActiveEffect, clock: number): boolean {
  return effect.duration.unit === 'seconds' && effect.duration.until <= clock;
}

/**
 * What the turn passing from `combat`'s current turn to `next` does to the
 * effects of `docs`: `turn-end` effects of the combatant whose turn ended
 * and `turn-start` effects of the next one lose a round, `round-end` ones of
 * every combatant when a new round begins; those at their last round end.
 * A new round also advances the clock by `roundSeconds`, ending the
 * `seconds` effects it reaches.
 *
 * @example
 * turnTicks(state, state.combat, advanceTurn(state.combat)).expired.map((e) => e.label);
 */
export function turnTicks(docs: TableDocs, combat: Combat, next: TurnPosition): EffectTicks {
  const order = turnOrder(combat);
  const newRound = beginsRound(combat, next);
  const clock = clockOf(docs) + (newRound ? Math.max(0, roundSecondsOf(docs)) : 0);
  const ticked: ActiveEffect[] = [];
  const expired: ActiveEffect[] = [];
  effectsOf(docs).forEach((effect) => {
    const d = effect.duration;
    if (d.unit === 'seconds') {
      if (expiresBy(effect, clock)) expired.push(effect);
      return;
    }
    if (d.unit !== 'rounds') return;
    const c = combatantOf(order, effect);
    if (c === undefined) return;
    const ticks =
      (d.tick === 'turn-end' && c.id === combat.turn) ||
      (d.tick === 'turn-start' && c.id === next.turn) ||
      (d.tick === 'round-end' && newRound);
    if (!ticks) return;
    if (d.remaining > 1) ticked.push({ ...effect, duration: { ...d, remaining: d.remaining - 1 } });
    else expired.push(effect);
  });
  return { ticked, expired, clock };
}

/**
 * What advancing the clock of `docs` by `seconds` does: the `seconds`
 * effects whose `until` it reaches end.
 *
 * @example
 * clockTicks(state, 600).expired; // every effect ending within ten minutes
 */
export function clockTicks(docs: TableDocs, seconds: number): EffectTicks {
  const clock = clockOf(docs) + seconds;
  return { ticked: [], expired: effectsOf(docs).filter((e) => expiresBy(e, clock)), clock };
}

/** `effects` with `ticks` applied: ticked ones replaced, expired ones removed. */
export function withTicks(effects: DocMap<ActiveEffect>, ticks: EffectTicks): DocMap<ActiveEffect> {
  let out = effects;
  for (const e of ticks.ticked) out = out.set(e.id, e);
  for (const e of ticks.expired) out = out.delete(e.id);
  return out;
}

/** `campaign` with its clock at `clock` (the same object when it already is). */
export function withClock(campaign: Campaign, clock: number): Campaign {
  return (campaign.clock ?? 0) === clock ? campaign : { ...campaign, clock };
}
