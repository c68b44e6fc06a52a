/**
 * Changing a creature's exhaustion level (through `dnd5e:apply-condition`
 * and `dnd5e:remove-condition` with `exhaustion`, and the long rest): hit
 * points follow the maximum that the level allows, and level 6 kills.
 */
import type { ActionContext } from '@vtt/sdk';
import { CONCENTRATION_FIELD } from './concentration.js';
import { ACTOR_TYPES, withData, type Creature } from './creature.js';
import { EXHAUSTION_EFFECTS, hpAtLevel, MAX_EXHAUSTION } from './exhaustion.js';
import type { Actor, JsonValue } from './sdk-types.js';

/**
 * The `data` fields that exhaustion `level` sets: the level, hit points no
 * higher than its maximum, and at level 6 death (0 hit points, a
 * character's death saves marked dead, concentration ended: see `remove`).
 *
 * @example
 * exhaustionFields(creature, 6).fields; // { exhaustion: 6, hp: { value: 0, ... }, deathSaves: { dead: true, ... } }
 */
export function exhaustionFields(
  creature: Creature,
  level: number,
): { fields: Record<string, JsonValue>; remove: string[] } {
  const dies = level >= MAX_EXHAUSTION;
  const hp = dies ? { ...creature.hp, value: 0 } : hpAtLevel(creature.hp, level);
  const fields: Record<string, JsonValue> = { exhaustion: level, hp };
  if (dies && creature.type === ACTOR_TYPES.character) {
    fields['deathSaves'] = { ...creature.deathSaves, stable: false, dead: true };
  }
  return { fields, remove: dies ? [CONCENTRATION_FIELD] : [] };
}

/**
 * Raises or lowers the exhaustion level by `by` (0 to 6), refused when it
 * is already at the end. Says what the new level does; at level 6 the
 * creature dies (the GM's combatant for it is marked defeated).
 *
 * @example
 * changeExhaustion(ctx, actor, creature, 1); // "Brann is at exhaustion level 2: speed halved."
 */
export function changeExhaustion(
  ctx: ActionContext<unknown>,
  actor: Actor,
  creature: Creature,
  by: number,
): void {
  const level = Math.min(MAX_EXHAUSTION, Math.max(0, creature.exhaustion + by));
  if (level === creature.exhaustion) {
    ctx.reject(`${actor.name} is already at exhaustion level ${level}`);
  }
  const { fields, remove } = exhaustionFields(creature, level);
  ctx.act('core:update-actor', {
    actorId: actor.id,
    patch: { data: withData(actor, fields, remove) },
  });
  const dies = level >= MAX_EXHAUSTION;
  if (dies && ctx.user.role === 'gm') {
    for (const c of Object.values(ctx.state.combat?.combatants ?? {})) {
      if (c.actorId !== actor.id || c.defeated) continue;
      ctx.act('core:update-combatant', { combatantId: c.id, patch: { defeated: true } });
    }
  }
  const effect = dies ? 'it dies' : (EXHAUSTION_EFFECTS[level] ?? '');
  ctx.say(`${actor.name} is at exhaustion level ${level}: ${effect}.`);
}
