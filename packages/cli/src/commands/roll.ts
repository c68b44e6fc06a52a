import { Command, InvalidArgumentError } from 'commander';
import { cliError } from '../lib/cli-error.js';
import { EXIT_CODES, type CliIo } from '../lib/io.js';
import type { RollOptions } from './run-roll.js';

const MAX_TIMES = 100_000;

function parseTimes(value: string): number {
  const times = Number(value);
  if (!Number.isInteger(times) || times < 1 || times > MAX_TIMES) {
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_TIMES}.`);
  }
  return times;
}

/** Defines `vtt roll`; the implementation is loaded only when the command runs. */
export function rollCommand(io: CliIo): Command {
  return new Command('roll')
    .summary('roll dice from notation')
    .description(
      'Roll dice written in the engine notation (see docs/reference/dice.md) and print the ' +
        'breakdown of every die, or the whole result as JSON. With --seed the roll is ' +
        'reproducible: the same seed gives the same dice on every machine. With --verify <file>, ' +
        'check a roll log exported from a table instead: every roll is re-derived from its ' +
        'session\'s revealed seed (docs/reference/dice.md, "Auditing a session").',
    )
    .argument('[notation]', 'dice notation, e.g. "4d6kh3" or "10d6>=5" (quote it in the shell)')
    .option('-s, --seed <seed>', 'seed for the random generator (number or text)')
    .option('-t, --times <n>', 'roll the notation n times', parseTimes, 1)
    .option('--json', 'print JSON: one result object, or an array of n with --times n', false)
    .option(
      '--verify <file>',
      'check an exported roll log: re-derive every roll from its revealed session seed',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt roll 1d20+5',
        '  $ vtt roll "4d6kh3" --times 6 --seed 42     six ability scores, reproducibly',
        '  $ vtt roll "10d6>=5"                         count hits, Shadowrun style',
        '  $ vtt roll "2d20kh1 + 1d4[bless]" --json     the full result as JSON',
        "  $ vtt roll --verify rolls.json               check a session's roll log",
      ].join('\n'),
    )
    .action(async (notation: string | undefined, options: RollOptions) => {
      if (options.verify !== undefined) {
        const { runRollVerify } = await import('./run-roll-verify.js');
        return runRollVerify(options.verify, options, io);
      }
      if (notation === undefined) {
        throw cliError(
          'VTT_ERR_CLI_USAGE',
          { problem: 'Give dice notation to roll, or --verify <file>.', usage: 'vtt roll' },
          {},
          { exitCode: EXIT_CODES.usage },
        );
      }
      const { runRoll } = await import('./run-roll.js');
      runRoll(notation, options, io);
    });
}
