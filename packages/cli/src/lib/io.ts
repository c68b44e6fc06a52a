import type { Diagnostic, ErrorCode } from '@vtt/core';

/**
 * Where a command writes. The real binary passes process streams; tests pass
 * string buffers, so every command runs in-process.
 */
export interface CliIo {
  /** Normal output (results, help). */
  readonly stdout: (text: string) => void;
  /** Diagnostics and errors. */
  readonly stderr: (text: string) => void;
  /** Whether stdout is a terminal (progress bars and colour only then). */
  readonly isTTY: boolean;
}

/** Exit codes of every `vtt` command. */
export const EXIT_CODES = {
  ok: 0,
  failure: 1,
  usage: 2,
} as const;

/** One of {@link EXIT_CODES}' values. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** What a {@link CliError} carries besides its errors. */
export interface CliErrorOptions {
  /** Exit code; {@link EXIT_CODES}.failure by default. */
  readonly exitCode?: ExitCode;
  /** Warnings found along the way, printed (and in --json listed) with the errors. */
  readonly warnings?: readonly Diagnostic[];
  /** One closing line for people, e.g. `The build failed with 2 errors.` */
  readonly summary?: string;
  /** Extra lines for people only, e.g. a caret under a bad dice notation. */
  readonly detail?: string;
  /** Further fields of the --json error document, e.g. a test run's counts. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/**
 * A failure the command itself diagnosed (bad input, a failed check), as
 * coded diagnostics from core's error table. The CLI boundary prints them
 * (on stderr, or with --json as `{ ok: false, errors }` on stdout) and exits
 * with `exitCode`; commands throw it and never exit.
 *
 * @example
 * throw new CliError([createDiagnostic('VTT_ERR_PROJECT_DIR_MISSING', '', { dir })]);
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  /** Every error, at least one, each with code, message and fix. */
  readonly errors: readonly [Diagnostic, ...Diagnostic[]];
  readonly warnings: readonly Diagnostic[];
  readonly summary: string | undefined;
  readonly detail: string | undefined;
  readonly data: Readonly<Record<string, unknown>>;

  constructor(errors: readonly [Diagnostic, ...Diagnostic[]], options: CliErrorOptions = {}) {
    super(options.summary ?? errors.map((e) => `${e.code}: ${e.message}`).join('\n'));
    this.name = 'CliError';
    this.exitCode = options.exitCode ?? EXIT_CODES.failure;
    this.errors = errors;
    this.warnings = options.warnings ?? [];
    this.summary = options.summary;
    this.detail = options.detail;
    this.data = options.data ?? {};
  }

  /** The code of the first error (the one a script branches on). */
  get code(): ErrorCode {
    return this.errors[0].code;
  }
}

/** An io that collects output in memory, for tests and embedding. */
export function bufferIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: (text) => void (out += text),
    stderr: (text) => void (err += text),
    isTTY: false,
    out: () => out,
    err: () => err,
  };
}
