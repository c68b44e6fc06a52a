import { once } from 'node:events';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../lib/io.js';

/** Options of `vtt serve`, as commander parses them. */
export interface ServeOptions {
  readonly host?: string;
  readonly port?: string;
  readonly data?: string;
  readonly publicUrl?: string;
  readonly trustProxy?: string;
  readonly embedOrigins?: string;
  readonly databaseUrl?: string;
  readonly logLevel?: string;
  readonly backupEvery?: string;
  readonly backupKeep?: string;
  readonly backupDir?: string;
  /** Also be a module registry. */
  readonly registry?: boolean;
  readonly examples: boolean;
}

/** The repository's example systems, when the CLI runs from a checkout with them built. */
function examplesDir(): string | null {
  const dir = fileURLToPath(new URL('../../../examples/', import.meta.url));
  return existsSync(join(dir, 'dnd5e', 'vtt-module.json')) ? dir : null;
}

/**
 * Runs the server until SIGINT or SIGTERM, then shuts it down cleanly and
 * resolves (the binary then exits 0). The JSON log goes to
 * `<data>/server.log`; people get a few plain lines.
 */
export async function runServe(
  options: ServeOptions,
  io: CliIo,
  stop: Promise<unknown> = Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]),
): Promise<void> {
  const { createServer, resolveConfig } = await import('@vtt/server');
  const input = {
    ...(options.host === undefined ? {} : { host: options.host }),
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.data === undefined ? {} : { dataDir: options.data }),
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.embedOrigins === undefined ? {} : { embedOrigins: options.embedOrigins }),
    ...(options.databaseUrl === undefined ? {} : { databaseUrl: options.databaseUrl }),
    ...(options.logLevel === undefined ? {} : { logLevel: options.logLevel }),
    ...(options.backupEvery === undefined ? {} : { backupEveryMinutes: options.backupEvery }),
    ...(options.backupKeep === undefined ? {} : { backupKeep: options.backupKeep }),
    ...(options.backupDir === undefined ? {} : { backupDir: options.backupDir }),
    ...(options.registry === true ? { registry: true } : {}),
    installExamples: options.examples,
    examplesDir: examplesDir(),
  };
  const config = resolveConfig(input, process.env);
  await mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const log = createWriteStream(join(config.dataDir, 'server.log'), { flags: 'a', mode: 0o600 });
  const server = await createServer(input, {
    env: process.env,
    logStream: { write: (line) => void log.write(line) },
  });
  io.stdout(`VTT server running at ${server.url}\n`);
  io.stdout(`  data: ${server.config.dataDir} (log: server.log)\n`);
  if (server.config.registry) io.stdout(`  module registry: ${server.url}/api/registry/modules\n`);
  if (server.setupUrl !== null) {
    io.stdout(`\nNo admin yet. Open this one-time link to create yours:\n  ${server.setupUrl}\n\n`);
  }
  io.stdout('Stop with Ctrl+C.\n');
  await stop;
  io.stdout('Stopping: finishing in-flight actions...\n');
  await server.close();
  await new Promise<void>((done) => log.end(done));
  io.stdout('Stopped.\n');
}
