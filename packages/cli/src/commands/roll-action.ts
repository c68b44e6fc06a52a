import { randomInt } from 'node:crypto';
import { createRng, isVttError, roll, type RollResult } from '@vtt/core';
import { CliError, type CliIo } from '../lib/io.js';
import type { RollOptions } from './roll.js';

/**
 * Rolls `notation` `options.times` times from one generator and prints the
 * results. Bad notation becomes a {@link CliError} carrying the engine's
 * message, with a caret under the position it names.
 */
export function runRoll(notation: string, options: RollOptions, io: CliIo): void {
  const seed = options.seed ?? String(randomInt(0, 2 ** 31));
  const rng = createRng(/^-?\d+$/.test(seed) ? Number(seed) : seed);
  const results: RollResult[] = [];
  try {
    for (let i = 0; i < options.times; i++) results.push(roll(notation, { rng }));
  } catch (error) {
    if (!isVttError(error)) throw error;
    const position = error.params['position'];
    const pointer =
      typeof position === 'number' && notation.length <= 120
        ? `\n  ${notation}\n  ${' '.repeat(position)}^`
        : '';
    throw new CliError(`${error.code}: ${error.message}${pointer}`);
  }
  if (options.json) {
    const body = options.times === 1 ? results[0] : results;
    io.stdout(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  for (const result of results) io.stdout(`${result.text}\n`);
  if (options.seed === undefined && io.isTTY)
    io.stderr(`(seed ${seed}: pass --seed ${seed} to repeat)\n`);
}
