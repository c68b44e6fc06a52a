/**
 * Exhaustion levels and speed. The levels are cumulative: 1 disadvantage on
 * ability checks, 2 speed halved, 3 disadvantage on attack rolls and saving
 * throws, 4 hit point maximum halved, 5 speed 0, 6 death. Levels 1 and 3
 * act in `roll-effects.ts`; this file has the others.
 */
import type { Condition } from './conditions.js';
import type { Creature, HitPoints } from './creature.js';

/** The highest exhaustion level: death. */
export const MAX_EXHAUSTION = 6;

/** What each exhaustion level adds, for chat and sheets. */
export const EXHAUSTION_EFFECTS = [
  'no exhaustion',
  'disadvantage on ability checks',
  'speed halved',
  'disadvantage on attack rolls and saving throws',
  'hit point maximum halved',
  'speed 0',
  'death',
] as const;

/**
 * The hit point maximum as it counts now: halved (rounded down, at least 1)
 * from exhaustion level 4.
 *
 * @example
 * hpMaxOf({ ...creature, hp: { value: 9, max: 25, temp: 0 }, exhaustion: 4 }); // 12
 */
export function hpMaxOf(creature: Pick<Creature, 'hp' | 'exhaustion'>): number {
  const { max } = creature.hp;
  return creature.exhaustion >= 4 ? Math.max(1, Math.floor(max / 2)) : max;
}

/**
 * Hit points at a new exhaustion `level`: current hit points never above the
 * maximum that level allows.
 *
 * @example
 * hpAtLevel({ value: 20, max: 20, temp: 0 }, 4); // { value: 10, max: 20, temp: 0 }
 */
export function hpAtLevel(hp: HitPoints, level: number): HitPoints {
  return { ...hp, value: Math.min(hp.value, hpMaxOf({ hp, exhaustion: level })) };
}

/** Conditions that make a creature's speed 0. */
const NO_SPEED: readonly Condition[] = [
  'grappled',
  'restrained',
  'paralyzed',
  'petrified',
  'stunned',
  'unconscious',
];

/**
 * The creature's speed now, in feet: 0 while grappled, restrained,
 * paralyzed, petrified, stunned or unconscious and at exhaustion 5+; halved
 * (rounded down) at exhaustion 2-4.
 *
 * @example
 * currentSpeed({ ...creature, speed: 30, exhaustion: 2 }, []); // 15
 */
export function currentSpeed(
  creature: Pick<Creature, 'speed' | 'exhaustion'>,
  conditions: readonly Condition[],
): number {
  if (creature.exhaustion >= 5 || NO_SPEED.some((c) => conditions.includes(c))) return 0;
  return creature.exhaustion >= 2 ? Math.floor(creature.speed / 2) : creature.speed;
}
