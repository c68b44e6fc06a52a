import { readFile } from 'node:fs/promises';
import { verifyRollLog, type ErrorCode, type ErrorParams } from '@vtt/core';
import { coded } from '../lib/cli-error.js';
import { CliError, type CliIo } from '../lib/io.js';

/** Options of `vtt roll --verify`. */
export interface RollVerifyOptions {
  readonly json: boolean;
}

/**
 * Checks the roll log in `file` (see `rollLog` in @vtt/core): every
 * session's revealed seed against its commitment, every roll re-derived
 * from the seed. Prints "N rolls verified" (with `json`,
 * `{ ok: true, verified, errors: [] }`), or throws a {@link CliError}
 * (exit 1) with one coded error per problem; its --json document also holds
 * `verified` and `problems: [{ code, params }]` (the roll ids).
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
  const result: {
    verified: number;
    problems: readonly { code: ErrorCode; params: ErrorParams }[];
  } =
    problem === null
      ? verifyRollLog(parsed, file)
      : {
          verified: 0,
          problems: [{ code: 'VTT_ERR_ROLL_LOG_INVALID', params: { file, problem } }],
        };
  const [first, ...rest] = result.problems.map((p) => coded(p.code, p.params, { file }));
  if (first !== undefined) {
    throw new CliError([first, ...rest], {
      summary: `${result.problems.length} problem(s) in ${file}; ${result.verified} rolls verified.`,
      data: { verified: result.verified, problems: result.problems },
    });
  }
  if (options.json) {
    io.stdout(`${JSON.stringify({ ok: true, verified: result.verified, errors: [] }, null, 2)}\n`);
  } else {
    io.stdout(`${result.verified} rolls verified\n`);
  }
}
