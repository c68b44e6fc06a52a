/**
 * @vtt/cli: the `vtt` command, usable in-process.
 */
export { createProgram, runCli } from './program.js';
export { CliError, EXIT_CODES, bufferIo } from './lib/io.js';
export type { CliIo, ExitCode } from './lib/io.js';
