/**
 * The d20 test: one d20, or two with advantage (keep the higher) or
 * disadvantage (keep the lower), plus a bonus. Every check, save, attack and
 * initiative roll goes through here.
 */
import type { ModuleContext } from '@vtt/sdk';
import type { RollResult } from './sdk-types.js';

/** How a d20 is rolled. */
export const ROLL_MODES = {
  normal: 'normal',
  advantage: 'advantage',
  disadvantage: 'disadvantage',
} as const;
export type RollMode = (typeof ROLL_MODES)[keyof typeof ROLL_MODES];

/** Sources of advantage and disadvantage on one roll (from the roller's conditions). */
export interface ModeSources {
  readonly advantage: boolean;
  readonly disadvantage: boolean;
}

/**
 * The mode a roll is made with: any advantage and any disadvantage cancel
 * out, however many of each there are.
 *
 * @example
 * resolveMode('advantage', { advantage: false, disadvantage: true }); // 'normal'
 */
export function resolveMode(requested: RollMode, sources: ModeSources): RollMode {
  const advantage = requested === ROLL_MODES.advantage || sources.advantage;
  const disadvantage = requested === ROLL_MODES.disadvantage || sources.disadvantage;
  if (advantage === disadvantage) return ROLL_MODES.normal;
  return advantage ? ROLL_MODES.advantage : ROLL_MODES.disadvantage;
}

/** A signed bonus for dice notation: ` + 3`, ` - 1`, or nothing for 0. */
export function signed(bonus: number): string {
  if (bonus === 0) return '';
  return bonus > 0 ? ` + ${bonus}` : ` - ${Math.abs(bonus)}`;
}

/**
 * Rolls dice notation with an optional label. A notation the dice engine
 * refuses becomes a refusal the user sees (the SDK's dice do that), never a
 * module fault.
 */
export function safeRoll(ctx: ModuleContext, notation: string, label?: string): RollResult {
  return ctx.dice.roll(notation, label === undefined ? undefined : { label });
}

/** A rolled d20 test. */
export interface D20Roll {
  readonly roll: RollResult;
  /** The d20 that counts (the kept one with advantage or disadvantage). */
  readonly natural: number;
  readonly total: number;
  readonly mode: RollMode;
}

/**
 * Rolls a d20 test: `1d20`, `2d20kh1` or `2d20kl1`, plus `bonus`.
 *
 * @example
 * const { natural, total } = rollD20(ctx, { bonus: 5, mode: 'advantage' });
 */
export function rollD20(
  ctx: ModuleContext,
  options: { readonly bonus: number; readonly mode: RollMode },
): D20Roll {
  const dice =
    options.mode === ROLL_MODES.advantage
      ? '2d20kh1'
      : options.mode === ROLL_MODES.disadvantage
        ? '2d20kl1'
        : '1d20';
  const roll = safeRoll(ctx, `${dice}${signed(options.bonus)}`);
  const first = roll.terms[0];
  const kept =
    first?.type === 'dice' ? first.dice.find((d) => !d.dropped && !d.rerolled) : undefined;
  return { roll, natural: kept?.value ?? 0, total: roll.total, mode: options.mode };
}
