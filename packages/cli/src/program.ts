import { Command, CommanderError } from 'commander';
import { buildCommand } from './commands/build.js';
import { devCommand } from './commands/dev.js';
import { inspectCommand } from './commands/inspect.js';
import { backupCommand, restoreCommand } from './commands/backup.js';
import { installCommand } from './commands/install.js';
import { newCommand } from './commands/new.js';
import { packCommand } from './commands/pack.js';
import { publishCommand } from './commands/publish.js';
import { rollCommand } from './commands/roll.js';
import { serveCommand } from './commands/serve.js';
import { testCommand } from './commands/test.js';
import { validateCommand } from './commands/validate.js';
import { EXIT_CODES, type CliIo, type ExitCode } from './lib/io.js';

declare const __VTT_CLI_VERSION__: string | undefined;

/** Help is wrapped at a fixed width, so it reads the same everywhere (and in the docs). */
const HELP_WIDTH = 100;

const output = (io: CliIo) => ({
  writeOut: io.stdout,
  writeErr: io.stderr,
  getOutHelpWidth: () => HELP_WIDTH,
  getErrHelpWidth: () => HELP_WIDTH,
});

/** Builds the `vtt` program with every command, writing through `io`. */
export function createProgram(io: CliIo): Command {
  const program = new Command('vtt')
    .description('The virtual tabletop: host games, roll dice, build and test game-system modules.')
    .version(typeof __VTT_CLI_VERSION__ === 'string' ? __VTT_CLI_VERSION__ : '0.0.0-source')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput(output(io));
  const commands = [
    newCommand(io),
    buildCommand(io),
    validateCommand(io),
    testCommand(io),
    packCommand(io),
    devCommand(io),
    inspectCommand(io),
    installCommand(io),
    publishCommand(io),
    backupCommand(io),
    restoreCommand(io),
    rollCommand(io),
    serveCommand(io),
  ];
  for (const command of commands) {
    command.configureOutput(output(io));
    command.showHelpAfterError('(run with --help for usage)');
    program.addCommand(command);
  }
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** Whether the command line asks for JSON output (`--json` before any `--`). */
function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--json');
}

/**
 * Runs `vtt` with `argv` (without the node and script entries) and resolves
 * to the exit code: 0 ok, 1 failure, 2 usage error. Never calls
 * `process.exit`, so it is testable in-process. Every failure is printed
 * with its error code and fix on stderr, or with `--json` as
 * `{ ok: false, errors: [{ code, message, fix, file?, line?, column? }] }`
 * on stdout.
 *
 * @example
 * const code = await runCli(['roll', '1d20', '--seed', '7'], io);
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_CODES.ok;
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return EXIT_CODES.ok; // --help, --version
    const json = wantsJson(argv);
    // Commander has printed its own usage errors on stderr; --json adds them as data.
    if (error instanceof CommanderError && !json) return EXIT_CODES.usage;
    const [{ asCliError }, { printFailure }] = await Promise.all([
      import('./lib/cli-error.js'),
      import('./lib/report.js'),
    ]);
    const command = program.commands.find((c) => c.name() === argv[0]);
    const failure = asCliError(error, command === undefined ? 'vtt' : `vtt ${command.name()}`);
    printFailure(io, failure, json);
    return failure.exitCode;
  }
}
