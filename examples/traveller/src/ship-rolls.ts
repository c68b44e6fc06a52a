/**
 * Starship rolls: `ship-pilot`, `ship-sensors`, `ship-check` and
 * `ship-attack`. The subject is the ship; the crew member at the position
 * rolls with their own skill and characteristic, plus the ship's DM.
 */
import type { JsonSchema, ModuleContext, RollDefinition, RollOutcome } from '@vtt/sdk';
import type { JsonValue } from './json.js';
import { CHARACTERISTICS, type Characteristic } from './characteristics.js';
import { characterData } from './actor-data.js';
import { DIFFICULTY_SCHEMA, rollCheck, targetOf } from './checks.js';
import { ITEM_TYPES, skillKey } from './equipment.js';
import {
  SKILL_ID_SCHEMA,
  optional,
  rollDamage,
  specialityCheckLabel,
  type CheckArgs,
} from './rolls.js';
import { defaultCharacteristic } from './skills.js';
import {
  CREW_POSITIONS,
  isStarship,
  requireStation,
  starshipData,
  type CrewPosition,
  type ShipWeaponData,
  type Station,
} from './starship.js';

const checkArgs: Record<string, JsonSchema> = {
  difficulty: DIFFICULTY_SCHEMA,
  dm: { type: 'integer', minimum: -20, maximum: 20 },
  boon: { type: 'boolean' },
  bane: { type: 'boolean' },
};

/** What a crew check at a station is made of. */
type StationCheck = {
  readonly skill: string;
  readonly speciality?: string;
  readonly characteristic: Characteristic;
  /** The ship's DM for this kind of check. */
  readonly shipDm: number;
  readonly label: string;
};

function rollAtStation(
  ctx: ModuleContext,
  station: Station,
  check: StationCheck,
  args: CheckArgs,
): Omit<RollOutcome, 'name'> {
  const skills = characterData(station.crew).skills ?? {};
  const extra = optional(args);
  const base = rollCheck(ctx, station.crew, {
    label: `${station.ship.name} ${check.label}: ${specialityCheckLabel(check.characteristic, check.skill, check.speciality)}`,
    characteristic: check.characteristic,
    skill: skillKey(skills, check.skill, check.speciality),
    target: targetOf(args.difficulty),
    ...extra,
    dm: (extra.dm ?? 0) + check.shipDm,
  });
  return {
    ...base,
    data: {
      ...(base.data as Record<string, JsonValue>),
      shipId: station.ship.id,
      position: station.position,
      crewId: station.crew.id,
      shipDm: check.shipDm,
    },
  };
}

/**
 * `ship-pilot`: the pilot's Pilot (spacecraft) + DEX DM + the ship's
 * `handling`, Average (8+) by default.
 */
export const shipPilotRoll: RollDefinition<CheckArgs> = {
  label: 'Pilot the ship',
  args: { type: 'object', additionalProperties: false, properties: checkArgs },
  roll(ctx) {
    const station = requireStation(ctx, ctx.subject, 'pilot');
    return rollAtStation(
      ctx,
      station,
      {
        skill: 'pilot',
        speciality: 'spacecraft',
        characteristic: 'dex',
        shipDm: starshipData(station.ship).handling ?? 0,
        label: 'helm',
      },
      ctx.args,
    );
  },
};

/**
 * `ship-sensors`: the sensor operator's Electronics (sensors) + INT DM +
 * the ship's `sensorsDm`.
 */
export const shipSensorsRoll: RollDefinition<CheckArgs> = {
  label: 'Sensors',
  args: { type: 'object', additionalProperties: false, properties: checkArgs },
  roll(ctx) {
    const station = requireStation(ctx, ctx.subject, 'sensors');
    return rollAtStation(
      ctx,
      station,
      {
        skill: 'electronics',
        speciality: 'sensors',
        characteristic: 'int',
        shipDm: starshipData(station.ship).sensorsDm ?? 0,
        label: 'sensors',
      },
      ctx.args,
    );
  },
};

/** Arguments of `ship-check`. */
export type ShipCheckArgs = CheckArgs & { position: CrewPosition; skill: string };

/**
 * `ship-check`: any skill check by the crew member at `position`, e.g. the
 * engineer's Engineer to nurse a damaged drive; no ship DM.
 */
export const shipCheckRoll: RollDefinition<ShipCheckArgs> = {
  label: 'Crew check',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['position', 'skill'],
    properties: {
      position: { enum: [...CREW_POSITIONS] },
      skill: SKILL_ID_SCHEMA,
      characteristic: { enum: [...CHARACTERISTICS] },
      ...checkArgs,
    },
  },
  roll(ctx) {
    const station = requireStation(ctx, ctx.subject, ctx.args.position);
    const characteristic =
      ctx.args.characteristic ??
      defaultCharacteristic(ctx.args.skill) ??
      ctx.reject(`Name the characteristic to use with ${ctx.args.skill}.`);
    return rollAtStation(
      ctx,
      station,
      { skill: ctx.args.skill, characteristic, shipDm: 0, label: ctx.args.position },
      ctx.args,
    );
  },
};

/** Arguments of `ship-attack`: the `ship-weapon` item fired. */
export type ShipAttackArgs = CheckArgs & { itemId: string };

/**
 * `ship-attack`: the weapon's gunner (its own `gunner`, else the ship's)
 * rolls Gunner (its mount: turret, barbette...) + DEX DM + the ship's
 * `fireControl`. On a hit it rolls the weapon's damage + the Effect, in
 * `data.damageRoll`, with the weapon's AP in `data.ap` and the Effect for
 * `traveller:damage-ship`.
 */
export const shipAttackRoll: RollDefinition<ShipAttackArgs> = {
  label: 'Fire a ship weapon',
  args: {
    type: 'object',
    additionalProperties: false,
    required: ['itemId'],
    properties: { itemId: { type: 'string', minLength: 1, maxLength: 128 }, ...checkArgs },
  },
  roll(ctx) {
    const ship = ctx.subject ?? ctx.reject('Choose the starship whose weapon fires.');
    if (!isStarship(ship)) ctx.reject(`${ship.name} is not a starship.`);
    const item =
      ctx
        .items(ship.id)
        .find((i) => i.id === ctx.args.itemId && i.type === ITEM_TYPES.shipWeapon) ??
      ctx.reject(`${ship.name} mounts no weapon ${ctx.args.itemId}.`);
    const weapon = item.data as unknown as ShipWeaponData;
    const gunner = weapon.gunner === '' ? undefined : weapon.gunner;
    const station = requireStation(ctx, ship, 'gunner', gunner);
    const base = rollAtStation(
      ctx,
      station,
      {
        skill: 'gunner',
        speciality: weapon.mount,
        characteristic: 'dex',
        shipDm: starshipData(ship).fireControl ?? 0,
        label: item.name,
      },
      ctx.args,
    );
    const effect = base.effect ?? 0;
    const damage = effect >= 0 ? rollDamage(ctx, weapon.damage, item.name, effect) : null;
    return {
      ...base,
      label: damage === null ? base.label : `${base.label}; ${damage.total} damage`,
      rolls: damage === null ? base.rolls : [...base.rolls, damage.roll],
      data: {
        ...(base.data as Record<string, JsonValue>),
        itemId: item.id,
        weapon: item.name,
        damage: weapon.damage,
        ap: weapon.traits?.ap ?? 0,
        hit: effect >= 0,
        damageRoll:
          damage === null ? null : { rolled: damage.roll.total, effect, total: damage.total },
      },
    };
  },
};
