import type { DieResult } from './result.js';

/**
 * A computed value as the breakdown text shows it: whole numbers as they
 * are, fractions rounded to 4 decimals (`RollResult.total` stays exact).
 */
export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
}

/**
 * One die in the breakdown: its value, then markers in this order:
 * `r` rerolled, `!` exploded, `~` clamped by min/max, `d` dropped,
 * `*` success, `f` failure.
 */
export function renderDie(die: DieResult): string {
  let out = formatValue(die.value);
  if (die.rerolled) out += 'r';
  if (die.exploded) out += '!';
  if (die.clamped) out += '~';
  if (die.dropped) out += 'd';
  if (die.success) out += '*';
  if (die.failure) out += 'f';
  return out;
}

/** `[6, 5, 3, 1d]`: the dice of a term. */
export function renderDice(dice: readonly DieResult[]): string {
  let out = '[';
  for (let i = 0; i < dice.length; i++) out += (i === 0 ? '' : ', ') + renderDie(dice[i]!);
  return `${out}]`;
}
