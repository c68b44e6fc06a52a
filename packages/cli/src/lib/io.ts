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

/**
 * A failure the command itself diagnosed (bad input, a failed check). The CLI
 * boundary prints its message and exits with `exitCode`.
 */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(message: string, exitCode: ExitCode = EXIT_CODES.failure) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
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
