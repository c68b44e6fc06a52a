/**
 * A spell that calls for saving throws (Fireball, Burning Hands, Hold
 * Person): each target rolls its save against the caster's DC, with its own
 * save bonus and conditions; the damage, rolled once for all, is taken in
 * full on a failure, halved (rounded down) or not at all on a success as
 * the spell says, then adjusted for each target's immunities, resistances
 * and vulnerabilities. Hit points change where the caster may change the
 * target (the GM, or the target's owner); otherwise the card says what the
 * GM applies. One chat card per target, with its save die. A target whose
 * data the caster may not see is named by its token, and its card and the
 * summary show only whether it saved and what it took: no save bonus, no
 * die, no resistances.
 */
import type { ProposingContext } from '@vtt/sdk';
import type { ActorChanges } from './actor-changes.js';
import { rollTest } from './checks.js';
import { activeConditions, isDead } from './conditions.js';
import { CONCENTRATION_FIELD, concentrationAfterDamage } from './concentration.js';
import { ACTOR_TYPES, type Creature } from './creature.js';
import { ROLL_MODES } from './d20.js';
import type { DamageRoll } from './damage.js';
import { applyTaken, damageTaken, deathSavesPatch } from './hit-points.js';
import { ABILITY_NAMES, type Ability } from './rules.js';
import type { Actor, JsonValue, RollResult } from './sdk-types.js';
import type { Spell } from './spellcasting.js';
import type { SpellTarget } from './spell-targets.js';
import { seesData } from './target-effects.js';

/** Whether the user may change `actor` (GM, or owner), as core's permission rules decide. */
function mayChange(ctx: ProposingContext, actor: Actor): boolean {
  if (ctx.user.role === 'gm') return true;
  return (actor.ownership[ctx.user.id] ?? actor.defaultOwnership) === 'owner';
}

/** `immune to fire`, `resistant to fire`: why a target takes other than the roll. */
function damageNotes(creature: Creature, types: readonly string[]): string[] {
  const notes: string[] = [];
  for (const type of types) {
    if ((creature.immunities as readonly string[]).includes(type)) notes.push(`immune to ${type}`);
    else if ((creature.resistances as readonly string[]).includes(type)) {
      notes.push(`resistant to ${type}`);
    }
    if ((creature.vulnerabilities as readonly string[]).includes(type)) {
      notes.push(`vulnerable to ${type}`);
    }
  }
  return notes;
}

/** What the saves did: one result per target for the card, and the save dice. */
export interface SaveResults {
  readonly targets: JsonValue[];
  readonly rolls: RollResult[];
}

/**
 * Rolls each target's save against `dc` and applies the spell's `damage`
 * (null for a spell without damage) into `changes`; posts one card per
 * target. A dead target makes no save.
 *
 * @example
 * savesAgainst(ctx, { spell, ability: 'dex', dc: 13, damage, targets, changes });
 */
export function savesAgainst(
  ctx: ProposingContext,
  request: {
    readonly spell: Spell;
    readonly ability: Ability;
    readonly dc: number;
    readonly damage: DamageRoll | null;
    readonly targets: readonly SpellTarget[];
    readonly changes: ActorChanges;
  },
): SaveResults {
  const { spell, ability, dc, damage, changes } = request;
  const results: JsonValue[] = [];
  const rolls: RollResult[] = [];
  const types = damage === null ? [] : Object.keys(damage.byType);
  const kind = types.filter((t) => t !== 'untyped').join(' and ');
  for (const { tokenId, tokenName, actor, creature } of request.targets) {
    const seen = seesData(ctx, actor);
    const name = seen ? creature.name : tokenName;
    if (isDead(creature)) {
      results.push({ tokenId, name, dead: true });
      ctx.say(`${name} is dead: no saving throw against ${spell.name}.`);
      continue;
    }
    const outcome = rollTest(ctx, {
      actor,
      creature,
      test: { kind: 'save', ability },
      dc,
      mode: ROLL_MODES.normal,
    });
    const saved = outcome.data.success === true;
    const roll = seen ? outcome.rolls[0] : undefined;
    if (roll !== undefined) rolls.push(roll);
    const total = seen ? ` ${outcome.total}` : '';
    const save = `${ABILITY_NAMES[ability]} save${total} vs DC ${dc}: ${saved ? 'success' : 'failure'}`;
    const result: Record<string, JsonValue> = {
      tokenId,
      name,
      saved,
      ...(seen ? { actorId: actor.id, save: outcome.data } : {}),
    };
    let text = `${name}: ${spell.name}, ${save}`;
    let post = () => undefined as void;
    if (damage !== null) {
      const half = saved && spell.saveEffect === 'half';
      const none = saved && spell.saveEffect === 'none';
      const conditions = activeConditions(ctx.state, actor, creature);
      const taken = none ? 0 : damageTaken(creature, damage.byType, conditions, half);
      const applied = mayChange(ctx, actor);
      const notes = none || !seen ? [] : damageNotes(creature, types);
      result['taken'] = taken;
      result['half'] = half;
      result['applied'] = applied;
      result['notes'] = notes;
      text += `; takes ${taken}${kind === '' ? '' : ` ${kind}`} damage`;
      if (half) text += ' (half)';
      if (notes.length > 0) text += ` (${notes.join(', ')})`;
      if (!applied && taken > 0) text += ', for the GM to apply';
      if (applied && taken > 0) {
        const hit = applyTaken(creature, taken, false);
        const concentration = concentrationAfterDamage(ctx, actor, creature, hit);
        changes.set(
          actor,
          { hp: hit.hp, ...deathSavesPatch(creature, hit.deathSaves) },
          concentration.ends ? [CONCENTRATION_FIELD] : [],
        );
        post = () => concentration.post();
        if (creature.type === ACTOR_TYPES.npc && hit.hp.value === 0 && ctx.user.role === 'gm') {
          for (const c of Object.values(ctx.state.combat?.combatants ?? {})) {
            if (c.actorId !== actor.id || c.defeated) continue;
            ctx.act('core:update-combatant', { combatantId: c.id, patch: { defeated: true } });
          }
        }
      }
    }
    results.push(result);
    // RollResult is JSON, but declared as an interface TypeScript will not match to JsonValue.
    const card = (
      seen ? { outcome: { ...outcome, name: 'saving-throw' }, spell: result } : { spell: result }
    ) as unknown;
    ctx.say(`${text}.`, {
      ...(roll === undefined ? {} : { roll }),
      data: card as JsonValue,
    });
    post();
  }
  return { targets: results, rolls };
}
