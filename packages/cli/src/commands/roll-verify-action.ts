import { readFile } from 'node:fs/promises';
import { ERROR_CODES, verifyRollLog, type ErrorParams } from '@vtt/core';
import { CliError, type CliIo } from '../lib/io.js';

const fill = (template: string, params: ErrorParams): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );

/** Options of `vtt roll --verify`. */
export interface RollVerifyOptions {
  readonly json: boolean;
}

/**
 * Checks the roll log in `file` (see `rollLog` in @vtt/core): every
 * session's revealed seed against its commitment, every roll re-derived
 * from the seed. Prints "N rolls verified", or each problem with its code
 * and throws a {@link CliError} (exit 1). With `json`, prints
 * `{ ok, verified, errors: [{ code, message, fix, params }] }` on stdout.
 */
export async function runRollVerify(
  file: string,
  options: RollVerifyOptions,
  io: CliIo,
): Promise<void> {
  let parsed: unknown;
  let problem: string | null = null;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    problem =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'the file does not exist'
        : 'it is not JSON';
  }
  const result =
    problem === null
      ? verifyRollLog(parsed, file)
      : {
          verified: 0,
          problems: [{ code: 'VTT_ERR_ROLL_LOG_INVALID' as const, params: { file, problem } }],
        };
  const errors = result.problems.map((p) => ({
    code: p.code,
    message: fill(ERROR_CODES[p.code].message, p.params),
    fix: fill(ERROR_CODES[p.code].fix, p.params),
    params: p.params,
  }));
  const ok = errors.length === 0;
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok, verified: result.verified, errors }, null, 2)}\n`);
  } else {
    for (const e of errors) io.stderr(`${e.code}: ${e.message}\n  fix: ${e.fix}\n`);
    if (ok) io.stdout(`${result.verified} rolls verified\n`);
  }
  if (!ok) {
    throw new CliError(
      `${errors.length} problem(s) in ${file}; ${result.verified} rolls verified.`,
    );
  }
}
