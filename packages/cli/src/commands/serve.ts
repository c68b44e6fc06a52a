import { Command } from 'commander';
import type { CliIo } from '../lib/io.js';
import type { ServeOptions } from './run-serve.js';

/** Defines `vtt serve`; the server is loaded only when the command runs. */
export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .summary('host games: run the server')
    .description(
      'Run the game server: accounts, campaigns, maps and live tables. With no options it keeps ' +
        'its data in ./vtt-data (an SQLite database, uploaded images, installed modules), listens ' +
        'on 127.0.0.1:7777 and prints the address to open. The first start prints a one-time ' +
        'setup link that makes the first admin. Every option can also be set by the environment ' +
        'variable shown. Stop with Ctrl+C (or SIGTERM): in-flight actions finish, everything ' +
        'acknowledged is on disk, and players are told the server is going away. See ' +
        'docs/guide/hosting.md.',
    )
    .option('--host <address>', 'address to listen on (VTT_HOST); 0.0.0.0 for every interface')
    .option('--port <port>', 'port to listen on (VTT_PORT); 0 picks a free one')
    .option('--data <folder>', 'data folder (VTT_DATA); created private to this user')
    .option(
      '--public-url <url>',
      'the address players open, behind a reverse proxy (VTT_PUBLIC_URL), e.g. https://vtt.example.com',
    )
    .option(
      '--trust-proxy <addresses>',
      'comma-separated proxy addresses whose X-Forwarded-* headers are trusted (VTT_TRUST_PROXY)',
    )
    .option(
      '--embed-origins <origins>',
      'comma-separated sites whose pages may use this server with an API token (VTT_EMBED_ORIGINS), e.g. https://blog.example.org; null for file:// pages, * for any',
    )
    .option(
      '--database-url <url>',
      'a postgres:// URL instead of the SQLite file in the data folder (VTT_DATABASE_URL)',
    )
    .option('--log-level <level>', 'info, warn, error, debug or silent (VTT_LOG_LEVEL)')
    .option(
      '--backup-every <minutes>',
      'back the data folder up on this schedule, e.g. 360 for every 6 hours (VTT_BACKUP_EVERY); 0: never (default)',
    )
    .option(
      '--backup-keep <count>',
      'scheduled backups kept, the newest (VTT_BACKUP_KEEP); 7 by default',
    )
    .option(
      '--backup-dir <folder>',
      'where scheduled backups go (VTT_BACKUP_DIR); <data>/backups by default',
    )
    .option(
      '--registry',
      'also be a module registry (VTT_REGISTRY=1): list published modules to anyone, accept `vtt publish` from users',
    )
    .option('--no-examples', 'do not install the example systems on first start')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ vtt serve                                       ./vtt-data, http://127.0.0.1:7777',
        '  $ vtt serve --host 0.0.0.0 --port 8080            reachable from your network',
        '  $ VTT_PUBLIC_URL=https://vtt.example.com vtt serve --trust-proxy 127.0.0.1',
        '  $ vtt serve --backup-every 360 --backup-keep 28        a backup every 6 hours, a week kept',
        '  $ vtt serve --registry                            a module marketplace too',
      ].join('\n'),
    )
    .action(async (options: ServeOptions) => {
      const { runServe } = await import('./run-serve.js');
      await runServe(options, io);
    });
}
