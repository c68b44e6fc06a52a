/**
 * The real server for the server benchmark, in a child process: SQLite in a
 * fresh data folder, the example systems (D&D 5e) installed, module rules in
 * the sandbox, default limits. Log level `warn`: frames are not logged at
 * `info` either, and the bench's output stays readable.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from '@vtt/server';
import { type ParentMessage, toParent, usageNow } from './child-process.js';

const dataDir = await mkdtemp(join(tmpdir(), 'vtt-bench-server-'));
const server = await createServer(
  {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    logLevel: 'warn',
    installExamples: true,
    examplesDir: fileURLToPath(new URL('../../examples/', import.meta.url)),
  },
  { logStream: { write: (line) => void process.stderr.write(line) } },
);

process.on('message', (message: ParentMessage) => {
  if (message.type === 'usage') toParent(usageNow());
  else if (message.type === 'stop') {
    void (async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
      process.exit(0);
    })();
  }
});
// An orphan (its parent killed) stops.
process.on('disconnect', () => process.exit(1));
toParent({ type: 'ready', url: server.url, setupUrl: server.setupUrl });
