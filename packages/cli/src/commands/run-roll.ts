import { randomInt } from 'node:crypto';
import { createRng, isVttError, roll, type RollResult } from '@vtt/core';
import { fromVttError } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';

/** Options of `vtt roll`, as commander parses them. */
export interface RollOptions {
  readonly seed?: string;
  readonly times: number;
  readonly json: boolean;
  /** A roll log to check instead of rolling (see `vtt roll --verify`). */
  readonly verify?: string;
}

/**
 * Rolls `notation` `options.times` times from one generator and prints the
 * results. Bad notation becomes a {@link CliError} with the engine's code
 * and the 1-based column it names (people also get a caret under it).
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
    if (typeof position !== 'number') throw new CliError([fromVttError(error)]);
    // The column is 1-based in the notation; people also get a caret under it.
    const detail = notation.length <= 120 ? `  ${notation}\n  ${' '.repeat(position)}^` : undefined;
    throw new CliError([fromVttError(error, { column: position + 1 })], {
      ...(detail === undefined ? {} : { detail }),
    });
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
