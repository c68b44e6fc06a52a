/**
 * `vtt dev [dir] --server URL --token T`: hot-reloads a module under
 * development into a running server's tables on every save.
 */
import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { DevOptions } from './run-dev.js';

/** Defines `vtt dev`; its code is loaded only when the command runs. */
export function devCommand(io: CliIo): Command {
  return new Command('dev')
    .summary("hot-reload a module into a running server's tables on every save")
    .description(
      'Validate, build and pack the module in the folder (as `vtt pack` does), send it to a ' +
        'running server as a development build, and again on every save. Every loaded table ' +
        'that runs the module takes the new rules at once, keeping its state, and no player ' +
        'is disconnected; tables loaded later run it too. A build that fails is printed and not ' +
        'sent, and a build the server cannot load is refused: the tables keep the last good ' +
        'rules. The module must be installed on the server once (vtt install, or POST ' +
        "/api/modules). The build lives in the server's memory only: when `vtt dev` stops " +
        '(Ctrl-C) the tables go back to the installed version, unless --keep, and a restart ' +
        "of the server always does. Needs an admin's API token with the modules:install scope. " +
        'See docs/modules/tutorial.md.',
    )
    .argument('[dir]', 'the module folder', '.')
    .option('--server <url>', 'the running server (VTT_SERVER), e.g. http://127.0.0.1:7777')
    .option('--token <token>', "an admin's API token with modules:install (VTT_TOKEN)")
    .option('--keep', 'leave the last build on the server when vtt dev stops', false)
    .option('--entry <file>', 'source entry, relative to the folder (default: src/module.ts)')
    .option('--json', 'print one JSON line per reload: { ok, id, version, tables, ... }', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ VTT_TOKEN=vtt_... vtt dev --server http://127.0.0.1:7777',
        '  $ vtt dev ./my-system --server https://vtt.example.com --keep',
      ].join('\n'),
    )
    .action(async (dir: string, options: DevOptions) => {
      const { runDev } = await import('./run-dev.js');
      await runDev(dir, options, io);
    });
}
