/**
 * `vtt install <archive> --data <folder>`: installs a packed module into a
 * server's data folder while the server is stopped.
 */
import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { InstallOptions } from './run-install.js';

/** Defines `vtt install`; the server's install code is loaded only when the command runs. */
export function installCommand(io: CliIo): Command {
  return new Command('install')
    .summary("install a .vttmod archive into a stopped server's data folder")
    .description(
      'Install a packed module into the data folder of a server that is not running, with the ' +
        'checks POST /api/modules makes: the archive (format, paths, sizes, integrity record and ' +
        'digest), the module (manifest, engine range, sheets, compendium, built bundle) and what ' +
        'is installed (a version stored already, a changed kind, missing dependencies). A refused ' +
        'archive writes nothing. The first version of a module, or one newer than the active ' +
        'version, becomes the one campaigns use; older versions stay stored. The server must be ' +
        'stopped: a data folder whose database is open is refused. With a PostgreSQL database, ' +
        'install over HTTP instead. With --registry, the argument is `id@range` and the module ' +
        'comes from that registry: the newest version in the range whose engine range this VTT ' +
        "meets, its archive checked against the registry's listing (SHA-256 and digest) before " +
        'anything is written. See docs/guide/modules.md.',
    )
    .argument('<archive>', 'the .vttmod file (`vtt pack` writes one), or id@range with --registry')
    .option('--data <folder>', 'the data folder (VTT_DATA); ./vtt-data by default')
    .option(
      '--registry <url>',
      'install id@range from this module registry (`vtt serve --registry`)',
    )
    .option('--json', 'print { id, version, kind, active, digest } as JSON', false)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt install my-system-1.0.0.vttmod                    into ./vtt-data',
        '  $ vtt install my-system-1.1.0.vttmod --data /srv/vtt    an upgrade',
        '  $ vtt install dice-tray@^1.2.0 --registry https://modules.example.com',
      ].join('\n'),
    )
    .action(async (archive: string, options: InstallOptions) => {
      const { runInstall } = await import('./run-install.js');
      await runInstall(archive, options, io);
    });
}
