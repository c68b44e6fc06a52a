import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { PackOptions } from './run-pack.js';

/** Defines `vtt pack`; the implementation is loaded only when the command runs. */
export function packCommand(io: CliIo): Command {
  return new Command('pack')
    .summary('validate, build and pack the module into one .vttmod archive')
    .description(
      'Validate the module, build it, check the bundle in the sandbox, and write one archive ' +
        '(manifest, bundle, sheets, compendium, assets) with a sha256 integrity record inside. ' +
        'Packing the same sources twice gives byte-identical archives.',
    )
    .argument('[dir]', 'the module folder', '.')
    .option(
      '-o, --out <file>',
      'where to write the archive (default: <id>-<version>.vttmod in the folder)',
    )
    .option('--entry <file>', 'source entry, relative to the folder (default: src/module.ts)')
    .option('--json', 'print { file, bytes, digest, files } as JSON', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt pack',
        '  $ vtt pack ./my-system --out dist/my-system.vttmod',
      ].join('\n'),
    )
    .action(async (dir: string, options: PackOptions) => {
      const { runPack } = await import('./run-pack.js');
      await runPack(dir, options, io);
    });
}
