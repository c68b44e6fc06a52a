import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { InspectOptions } from './run-inspect.js';

/** Defines `vtt inspect`; the implementation is loaded only when the command runs. */
export function inspectCommand(io: CliIo): Command {
  return new Command('inspect')
    .summary('list a .vttmod archive and verify its digest, without extracting')
    .description(
      'Read a packed module in memory, refuse anything unsafe (path traversal, links, duplicates, ' +
        'oversized or truncated entries), verify every file against the integrity record, and list ' +
        'the files with their sizes and the archive digest. Nothing is written to disk.',
    )
    .argument('<archive>', 'the .vttmod file')
    .option('--json', 'print { manifest, digest, files } as JSON', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt inspect my-system-1.0.0.vttmod',
        '  $ vtt inspect my-system-1.0.0.vttmod --json',
      ].join('\n'),
    )
    .action(async (archive: string, options: InspectOptions) => {
      const { runInspect } = await import('./run-inspect.js');
      await runInspect(archive, options, io);
    });
}
