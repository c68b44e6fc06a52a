/**
 * Reading the arguments of named rolls into typed values with defaults. The
 * host has already checked them against each roll's `args` schema; the
 * checks here are what a schema cannot say (e.g. an actor's own skills).
 */
import type { ModuleContext } from '@vtt/sdk';
import { ROLL_MODES, type RollMode } from './d20.js';
import { readCreature, type Creature } from './creature.js';
import { isOneOf } from './rules.js';
import type { Actor } from './sdk-types.js';

/** Roll arguments as received. */
export type RawArgs = { readonly [key: string]: unknown };

/** The arguments object (an empty one for `null`). */
export function argsOf(args: unknown): RawArgs {
  return typeof args === 'object' && args !== null && !Array.isArray(args) ? (args as RawArgs) : {};
}

/** `args.mode`: normal (default), advantage or disadvantage. */
export function modeArg(ctx: ModuleContext, args: RawArgs): RollMode {
  const mode = args['mode'] ?? ROLL_MODES.normal;
  if (isOneOf(Object.values(ROLL_MODES), mode)) return mode;
  return ctx.reject(`mode must be normal, advantage or disadvantage, got ${JSON.stringify(mode)}`);
}

/** An optional whole-number argument between `min` and `max`. */
export function intArg(
  ctx: ModuleContext,
  args: RawArgs,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = args[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) {
    return value;
  }
  return ctx.reject(`${name} must be a whole number from ${min} to ${max}`);
}

/** A required argument that must be one of `list`. */
export function choiceArg<T extends string>(
  ctx: ModuleContext,
  args: RawArgs,
  name: string,
  list: readonly T[],
): T {
  const value = args[name];
  if (isOneOf(list, value)) return value;
  return ctx.reject(`${name} must be one of ${list.join(', ')}, got ${JSON.stringify(value)}`);
}

/**
 * The rolling actor as a character or creature. Only its owners and GMs
 * roll for an actor; to anyone who cannot see it, it does not exist (its
 * chat card would show its name and numbers).
 */
export function creatureArg(
  ctx: ModuleContext,
  subject: Actor | undefined,
): { readonly actor: Actor; readonly creature: Creature } {
  if (subject === undefined) return ctx.reject('roll this for an actor (give actorId)');
  if (ctx.user.role !== 'gm') {
    const level = subject.ownership[ctx.user.id] ?? subject.defaultOwnership;
    if (level === 'none') return ctx.reject(`no actor ${subject.id}`);
    if (level !== 'owner') return ctx.reject(`only owners of ${subject.name} roll for it`);
  }
  const creature = readCreature(subject);
  if (creature === undefined) {
    return ctx.reject(`${subject.name} is a ${subject.type}, not a D&D character or creature`);
  }
  return { actor: subject, creature };
}
