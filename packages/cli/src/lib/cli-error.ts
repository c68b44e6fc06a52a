/**
 * Coded errors of the CLI: diagnostics from core's error table, for the
 * problems a command finds outside a module's files (a missing folder, a bad
 * name, a failed test) and for engine errors it passes on.
 */
import { CommanderError } from 'commander';
import {
  createDiagnostic,
  isVttError,
  type Diagnostic,
  type ErrorCode,
  type ErrorParams,
  type VttError,
} from '@vtt/core';
import { CliError, EXIT_CODES, type CliErrorOptions } from './io.js';

/** Where a problem is: a module-relative file, a JSON pointer in it, a line and column. */
export interface ProblemAt {
  readonly file?: string;
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

/**
 * A diagnostic of `code` from core's table, with `params` filled into its
 * message and fix, at `at`.
 *
 * @example
 * coded('VTT_ERR_PROJECT_DIR_MISSING', { dir: '/tmp/x' }); // { code, message, fix, pointer: '' }
 */
export function coded(code: ErrorCode, params: ErrorParams = {}, at: ProblemAt = {}): Diagnostic {
  const base = createDiagnostic(code, at.pointer ?? '', params, at.file);
  return {
    ...base,
    ...(at.line === undefined ? {} : { line: at.line }),
    ...(at.column === undefined ? {} : { column: at.column }),
  };
}

/**
 * A {@link CliError} with one coded error, for a command to throw.
 *
 * @example
 * throw cliError('VTT_ERR_PROJECT_DIR_MISSING', { dir });
 */
export function cliError(
  code: ErrorCode,
  params: ErrorParams = {},
  at: ProblemAt = {},
  options: CliErrorOptions = {},
): CliError {
  return new CliError([coded(code, params, at)], options);
}

/**
 * An engine error (a {@link VttError}, also one from a worker or the
 * sandbox) as a diagnostic: its own code, message and fix, at `at`.
 *
 * @example
 * try { readArchive(bytes); } catch (e) { if (isVttError(e)) throw new CliError([fromVttError(e, { file })]); }
 */
export function fromVttError(error: VttError, at: ProblemAt = {}): Diagnostic {
  return coded(error.code, error.params, at);
}

/**
 * Whatever a command threw, as a {@link CliError}: itself; a commander usage
 * error as `VTT_ERR_CLI_USAGE` (exit 2); an engine error with its own code;
 * anything else as `VTT_ERR_CLI_INTERNAL` with its stack for people.
 * `usage` is the command line to suggest `--help` on, e.g. `vtt build`.
 */
export function asCliError(error: unknown, usage: string): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof CommanderError) {
    const problem =
      error.code === 'commander.help' ? 'No command given.' : error.message.replace(/^error: /, '');
    return cliError('VTT_ERR_CLI_USAGE', { problem, usage }, {}, { exitCode: EXIT_CODES.usage });
  }
  if (isVttError(error)) return new CliError([fromVttError(error)]);
  const problem = error instanceof Error ? error.message : String(error);
  return cliError(
    'VTT_ERR_CLI_INTERNAL',
    { problem },
    {},
    error instanceof Error && error.stack !== undefined ? { detail: error.stack } : {},
  );
}
