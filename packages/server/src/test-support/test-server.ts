/**
 * Real servers for tests: a fresh data folder in the OS temp folder, port 0
 * on 127.0.0.1, silent log (or captured), closed and removed afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerConfigInput } from '../config/server-config.js';
import { createServer, type VttServer } from '../create-server.js';

/** A started test server with its data folder and captured log lines. */
export interface TestServer extends VttServer {
  readonly dataDir: string;
  /** Every log line the server wrote (JSON), for checks that nothing secret is logged. */
  readonly logLines: string[];
  /** Closes the server and deletes its data folder. */
  dispose(): Promise<void>;
}

/** Starts a real server on 127.0.0.1:0 in a new temp data folder. */
export async function startTestServer(
  overrides: ServerConfigInput = {},
  dataDir?: string,
): Promise<TestServer> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'vtt-server-')));
  const logLines: string[] = [];
  const server = await createServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir: dir,
      logLevel: 'info',
      installExamples: false,
      ...overrides,
    },
    { logStream: { write: (line) => void logLines.push(line) } },
  );
  return {
    ...server,
    dataDir: dir,
    logLines,
    async dispose() {
      await server.close();
      if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
    },
  };
}
