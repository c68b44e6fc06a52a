/**
 * Printing diagnostics and progress the same way in every command: human
 * text on stderr for diagnostics and progress, results on stdout, JSON on
 * stdout with --json.
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

/** Prints every diagnostic; throws a CliError (exit 1) when there are errors. */
export function reportDiagnostics(
  io: CliIo,
  report: { readonly errors: readonly Diagnostic[]; readonly warnings: readonly Diagnostic[] },
  what: string,
): void {
  for (const warning of report.warnings) io.stderr(`${formatDiagnostic(warning, 'warning')}\n`);
  for (const error of report.errors) io.stderr(`${formatDiagnostic(error, 'error')}\n`);
  if (report.errors.length > 0) {
    const n = report.errors.length;
    throw new CliError(`${what} failed with ${n} error${n === 1 ? '' : 's'} (listed above).`);
  }
}
