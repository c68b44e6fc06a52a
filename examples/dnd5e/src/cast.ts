/**
 * The `cast` roll: casting one of the actor's spell items. A spell of 1st
 * level or higher spends a slot of the level cast at (the spell's own by
 * default; higher upcasts it, adding its `upcast` dice per level above); a
 * cantrip spends none and grows with a character's level (two dice at 5th,
 * three at 11th, four at 17th). A spell attack rolls d20 + proficiency +
 * casting modifier like a weapon attack; a save spell has each target
 * (`targets`, from `spell-targets.ts`) save against 8 + proficiency +
 * casting modifier (`spell-saves.ts`); a healing spell rolls its healing
 * + the casting modifier. Casting a concentration spell starts
 * concentrating on it.
 */
import type { RollDefinition, RollContext } from '@vtt/sdk';
import { ActorChanges } from './actor-changes.js';
import { argsOf, creatureArg, intArg, type RawArgs } from './args.js';
import { ATTACK_ARGS, attackRoll } from './attack-roll.js';
import { assertCanAct } from './can-act.js';
import { activeConditions } from './conditions.js';
import { CONCENTRATION_FIELD } from './concentration.js';
import { ACTOR_TYPES, modifierOf, type Creature } from './creature.js';
import { signed } from './d20.js';
import { rollDamage, type DamageRoll } from './damage.js';
import type { Actor, JsonValue } from './sdk-types.js';
import { savesAgainst } from './spell-saves.js';
import { spellTargets, TARGETS_ARG, TEMPLATE_ARG } from './spell-targets.js';
import {
  MAX_SPELL_LEVEL,
  readSpell,
  spellcastingOf,
  spendSlot,
  upcastFormula,
  type Spell,
  type Spellcasting,
} from './spellcasting.js';

/** How many times a cantrip's dice count for a character of `level`: 1, 2 at 5th, 3 at 11th, 4 at 17th. */
export function cantripTier(level: number): number {
  return 1 + (level >= 5 ? 1 : 0) + (level >= 11 ? 1 : 0) + (level >= 17 ? 1 : 0);
}

/** The spell item `args.itemId` of the actor: its own, or refused as if it did not exist. */
function chosenSpell(ctx: RollContext<unknown>, actor: Actor, creature: Creature, args: RawArgs) {
  const itemId = String(args['itemId']);
  const item =
    ctx.items(actor.id).find((i) => i.id === itemId) ??
    ctx.reject(`${creature.name} has no item ${itemId}`);
  return readSpell(item) ?? ctx.reject(`${item.name} is a ${item.type}, not a spell`);
}

/** The slot level cast at: the spell's own unless `args.level` upcasts it; 0 for a cantrip. */
function slotLevel(ctx: RollContext<unknown>, spell: Spell, args: RawArgs): number {
  const level = intArg(ctx, args, 'level', 1, MAX_SPELL_LEVEL);
  if (spell.level === 0) {
    if (level !== undefined) ctx.reject(`${spell.name} is a cantrip: it uses no spell slot`);
    return 0;
  }
  if (level !== undefined && level < spell.level) {
    ctx.reject(
      `${spell.name} is a level ${spell.level} spell: cast it with a slot of ${spell.level} or higher`,
    );
  }
  return level ?? spell.level;
}

/** The spell's damage (or healing) formula cast at `level`. */
function formulaAt(spell: Spell, creature: Creature, level: number, base: string): string {
  if (spell.level > 0) return upcastFormula(base, spell.upcast, level - spell.level);
  const tier = creature.type === ACTOR_TYPES.character ? cantripTier(creature.level) : 1;
  const first = /^\d+d\d+(\[[a-z]+\])?/.exec(base)?.[0] ?? null;
  return upcastFormula(base, first, tier - 1);
}

/**
 * `cast` {itemId, level?, targets?, template?, target?, targetAc?, damage?, mode?,
 * bonus?, within5ft?, fearInSight?, targetIsCharmer?}: casts a spell item
 * of the actor. `level` is the slot level (upcasting); refused without a
 * slot of that level left, for a spell not the actor's own, and for a
 * dead or incapacitated caster. A spell attack takes `target` (one token)
 * and the attack arguments; a save spell takes `targets` (token ids) or
 * `template` (a measured template's id: every creature it covers), or both:
 * the outcome's `data.targets` has each one's save and damage.
 */
export const cast: RollDefinition = {
  label: 'Cast a spell',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['itemId'],
    properties: {
      itemId: { type: 'string', minLength: 1, maxLength: 64 },
      level: { type: 'integer', minimum: 1, maximum: MAX_SPELL_LEVEL },
      targets: TARGETS_ARG,
      template: TEMPLATE_ARG,
      ...ATTACK_ARGS,
    },
  },
  roll: (ctx) => {
    const args = argsOf(ctx.args);
    const { actor, creature } = creatureArg(ctx, ctx.subject);
    const spell = chosenSpell(ctx, actor, creature, args);
    const level = slotLevel(ctx, spell, args);
    const slot = creature.spellSlots[level];
    if (level > 0 && (slot === undefined || slot.value < 1)) {
      ctx.reject(`${creature.name} has no level ${level} spell slot left`);
    }
    assertCanAct(ctx, creature, activeConditions(ctx.state, actor, creature), 'cast a spell');
    const casting =
      spellcastingOf(creature) ??
      ctx.reject(
        `${creature.name} has no spellcasting ability: set spellcasting (int, wis or cha)`,
      );
    const changes = new ActorChanges();
    const caster: Record<string, JsonValue> = {};
    if (level > 0) caster['spellSlots'] = spendSlot(creature.spellSlots, level);
    if (spell.concentration) caster[CONCENTRATION_FIELD] = spell.name;
    if (Object.keys(caster).length > 0) changes.set(actor, caster);
    const label = `${creature.name}: ${spell.name}${level > spell.level ? ` (level ${level})` : ''}`;
    const about: Record<string, JsonValue> = {
      spell: spell.name,
      itemId: spell.itemId,
      spellLevel: spell.level,
      slotLevel: level,
      ability: casting.ability,
    };
    const outcome = castWith(ctx, { actor, creature, spell, level, casting, args, changes, about });
    changes.propose(ctx);
    if (
      spell.concentration &&
      creature.concentration !== null &&
      creature.concentration !== spell.name
    ) {
      ctx.say(`${creature.name} stops concentrating on ${creature.concentration}.`);
    }
    return { ...outcome, label };
  },
};

/** What a cast rolls, by the kind of spell. */
function castWith(
  ctx: RollContext<unknown>,
  c: {
    readonly actor: Actor;
    readonly creature: Creature;
    readonly spell: Spell;
    readonly level: number;
    readonly casting: Spellcasting;
    readonly args: RawArgs;
    readonly changes: ActorChanges;
    readonly about: Record<string, JsonValue>;
  },
) {
  const { creature, spell, level, casting, args } = c;
  const damageFormula =
    spell.damage === null ? '' : formulaAt(spell, creature, level, spell.damage);
  if (spell.attack !== null) {
    if (args['targets'] !== undefined || args['template'] !== undefined)
      ctx.reject(`${spell.name} is a spell attack: give one target`);
    return attackRoll(ctx, {
      actor: c.actor,
      creature,
      args,
      name: spell.name,
      toHit: casting.attack,
      damage: damageFormula,
      data: c.about,
    });
  }
  if (spell.save !== null) {
    if (args['target'] !== undefined) ctx.reject(`${spell.name} calls for saves: give targets`);
    const damage: DamageRoll | null =
      damageFormula === '' ? null : rollDamage(ctx, damageFormula, false);
    const saves = savesAgainst(ctx, {
      spell,
      ability: spell.save,
      dc: casting.saveDc,
      damage,
      targets: spellTargets(ctx, args),
      changes: c.changes,
    });
    return {
      total: damage?.total ?? 0,
      critical: null,
      rolls: [...(damage === null ? [] : [damage.roll]), ...saves.rolls],
      data: {
        ...c.about,
        dc: casting.saveDc,
        save: spell.save,
        damage:
          damage === null
            ? null
            : { total: damage.total, formula: damage.formula, byType: damage.byType },
        targets: saves.targets,
      },
    };
  }
  if (spell.healing !== null) {
    const base = formulaAt(spell, creature, level, spell.healing);
    // Dice of healing get the casting modifier (Cure Wounds); a flat amount (Heal's 70) does not.
    const mod = /d/.test(base) ? modifierOf(creature, casting.ability) : 0;
    const healing = rollDamage(ctx, `${base}${signed(mod)}`, false);
    return {
      total: healing.total,
      critical: null,
      rolls: [healing.roll],
      data: { ...c.about, healing: { total: healing.total, formula: healing.formula } },
    };
  }
  const damage = damageFormula === '' ? null : rollDamage(ctx, damageFormula, false);
  return {
    total: damage?.total ?? 0,
    critical: null,
    rolls: damage === null ? [] : [damage.roll],
    data: {
      ...c.about,
      damage:
        damage === null
          ? null
          : { total: damage.total, formula: damage.formula, byType: damage.byType },
    },
  };
}
