/**
 * Printing diagnostics, progress and failures the same way in every command:
 * human text on stderr for diagnostics and progress, results on stdout, JSON
 * on stdout with --json (a result, or `{ ok: false, errors, warnings }`).
 */
import type { Diagnostic } from '@vtt/core';
import { CliError, type CliIo } from './io.js';
import { formatDiagnostic } from './module-project.js';

/** Prints a step of long work ("building...") on stderr, so stdout stays clean for --json. */
export function progress(io: CliIo, text: string): void {
  io.stderr(`${text}\n`);
}

/** Prints a command's result line on stdout (what a script would read). */
export function result(io: CliIo, text: string): void {
  io.stdout(`${text}\n`);
}

/**
 * Prints the warnings of a check that passed; throws a {@link CliError}
 * (exit 1) with every error and warning, and `data` for the --json error
 * document, when it did not.
 */
export function reportDiagnostics(
  io: CliIo,
  report: { readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] },
  what: string,
  data?: Readonly<Record<string, unknown>>,
): void {
  const [first, ...rest] = report.errors;
  if (first !== undefined) {
    const n = report.errors.length;
    throw new CliError([first, ...rest], {
      warnings: report.warnings,
      summary: `${what} failed with ${n} error${n === 1 ? '' : 's'}.`,
      ...(data === undefined ? {} : { data }),
    });
  }
  for (const warning of report.warnings) io.stderr(`${formatDiagnostic(warning, 'warning')}\n`);
}

/** One error or warning as --json prints it: code, message and fix, then where it is. */
export function diagnosticJson(d: Diagnostic): Record<string, unknown> {
  return {
    code: d.code,
    message: d.message,
    fix: d.fix,
    ...(d.file === undefined ? {} : { file: d.file }),
    ...(d.pointer === '' ? {} : { pointer: d.pointer }),
    ...(d.line === undefined ? {} : { line: d.line }),
    ...(d.column === undefined ? {} : { column: d.column }),
  };
}

/**
 * Prints a failure: each warning and error with its code and fix on stderr,
 * then the summary; with `json`, the document
 * `{ ok: false, ...data, errors, warnings }` on stdout instead.
 *
 * @example
 * printFailure(io, cliError('VTT_ERR_PROJECT_DIR_MISSING', { dir }), true);
 * // stdout: { "ok": false, "errors": [{ "code": "VTT_ERR_PROJECT_DIR_MISSING", ... }], "warnings": [] }
 */
export function printFailure(io: CliIo, failure: CliError, json: boolean): void {
  if (json) {
    const document = {
      ok: false,
      ...failure.data,
      errors: failure.errors.map(diagnosticJson),
      warnings: failure.warnings.map(diagnosticJson),
    };
    io.stdout(`${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  for (const warning of failure.warnings) io.stderr(`${formatDiagnostic(warning, 'warning')}\n`);
  for (const error of failure.errors) io.stderr(`${formatDiagnostic(error, 'error')}\n`);
  if (failure.detail !== undefined) io.stderr(`${failure.detail}\n`);
  if (failure.summary !== undefined) io.stderr(`error: ${failure.summary}\n`);
}
