import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { BuildOptions } from './run-build.js';

/** Defines `vtt build`; the implementation is loaded only when the command runs. */
export function buildCommand(io: CliIo): Command {
  return new Command('build')
    .summary('bundle the module for the sandbox')
    .description(
      'Bundle the module (src/module.ts and everything it imports, with the SDK this CLI ships) ' +
        'into the one file its manifest names as "entry" (dist/module.js), with a source map. ' +
        'Errors name the file, line and column.',
    )
    .argument('[dir]', 'the module folder', '.')
    .option('-w, --watch', 'rebuild whenever a source file changes', false)
    .option('--minify', 'minify the bundle', false)
    .option('--entry <file>', 'source entry, relative to the folder (default: src/module.ts)')
    .option('--json', 'print the result as JSON', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt build',
        '  $ vtt build ./my-system --watch',
        '  $ vtt build --json',
      ].join('\n'),
    )
    .action(async (dir: string, options: BuildOptions) => {
      const { runBuild } = await import('./run-build.js');
      await runBuild(dir, options, io);
    });
}
