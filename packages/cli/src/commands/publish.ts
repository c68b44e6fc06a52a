/**
 * `vtt publish <archive> --registry <url>`: uploads a packed module to a
 * server that is a module registry (`vtt serve --registry`).
 */
import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { PublishOptions } from './run-publish.js';

/** Defines `vtt publish`; the upload code is loaded only when the command runs. */
export function publishCommand(io: CliIo): Command {
  return new Command('publish')
    .summary('publish a .vttmod archive on a module registry')
    .description(
      'Upload a packed module to a server run with `vtt serve --registry`, with an API token of ' +
        'your account there that has the scope modules:publish. The registry checks the archive ' +
        'as `vtt inspect` and `vtt validate` do, and lists it with its versions, description, ' +
        'authors, engine range and digests, so other servers can install it. A module id ' +
        'belongs to whoever first published it there; a published version is never replaced. ' +
        'Give the token with VTT_REGISTRY_TOKEN rather than --token, so it stays out of your ' +
        'shell history; it is never printed. See docs/guide/modules.md.',
    )
    .argument('<archive>', 'the .vttmod file (`vtt pack` writes one)')
    .requiredOption('--registry <url>', 'the registry, e.g. https://modules.example.com')
    .option('--token <token>', 'an API token with modules:publish (VTT_REGISTRY_TOKEN)')
    .option('--json', 'print { id, version, kind, digest, sha256, size, versions } as JSON', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt pack',
        '  $ export VTT_REGISTRY_TOKEN=vtt_pat_...            made on the registry, scope modules:publish',
        '  $ vtt publish my-system-1.0.0.vttmod --registry https://modules.example.com',
        '  $ vtt publish my-system-1.1.0.vttmod --registry http://127.0.0.1:7777 --json',
      ].join('\n'),
    )
    .action(async (archive: string, options: PublishOptions) => {
      const { runPublish } = await import('./run-publish.js');
      await runPublish(archive, options, io);
    });
}
