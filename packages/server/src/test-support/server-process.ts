/**
 * A real server in a child process, for tests that kill it with SIGKILL.
 *
 * Run as a script (`node --import tsx --conditions=@vtt/source
 * server-process.ts <dataDir> [settings JSON] [--wait]`) it starts
 * `createServer` on 127.0.0.1:0 (with `--wait`, once a first line arrives
 * on stdin) and prints one JSON line on stdout once listening:
 * `{"url": ..., "setupUrl": ...}`. It then answers JSON lines on stdin
 * (`{"hash": "<campaignId>"}` gives `{"campaignId", "seq", "hash"}` of
 * that campaign's live table, loading it first), and closes when stdin ends
 * so that a dying test leaves no server behind. The log goes to stderr.
 *
 * Imported, it exports {@link startServerProcess} and {@link prepareServerProcess}.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ServerConfigInput } from '../config/server-config.js';
import { createServer } from '../create-server.js';

const SCRIPT = fileURLToPath(import.meta.url);

/** The first line the child prints. */
interface Listening {
  readonly url: string;
  readonly setupUrl: string | null;
}

/** The child's answer to a hash question. */
export interface TableHash {
  readonly campaignId: string;
  readonly seq: number;
  readonly hash: string;
}

/** A server running in a child process. */
export interface ServerProcess {
  readonly url: string;
  /** The one-time setup link (first start only). */
  readonly setupUrl: string | null;
  readonly pid: number;
  /** `stateHash` and seq of a campaign's live table in the child, as the server holds it. */
  tableHash(campaignId: string): Promise<TableHash>;
  /** SIGKILL: no flush, no close; resolves once the process is gone. */
  kill(): Promise<void>;
  /** What the child wrote on stderr (its log), for failure messages. */
  stderr(): string;
}

/** A child process that has loaded the server's code and waits to be told to start. */
export interface PreparedServerProcess {
  /** Starts the server on its data folder and waits until it listens. */
  start(timeoutMs?: number): Promise<ServerProcess>;
  /** Ends the waiting process (SIGKILL). */
  kill(): Promise<void>;
}

/**
 * Spawns a child that loads the server's code at once but opens nothing
 * in `dataDir` until {@link PreparedServerProcess.start}: a restart after a
 * kill then costs only the server's own start.
 */
export function prepareServerProcess(
  dataDir: string,
  settings: ServerConfigInput = {},
): PreparedServerProcess {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@vtt/source',
      SCRIPT,
      dataDir,
      JSON.stringify(settings),
      '--wait',
    ],
    { stdio: 'pipe' },
  );
  let errText = '';
  child.stderr.on('data', (chunk: Buffer) => (errText += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const lines = createInterface({ input: child.stdout });
  const waiting: ((line: string) => void)[] = [];
  const queued: string[] = [];
  lines.on('line', (line) => {
    const w = waiting.shift();
    if (w === undefined) queued.push(line);
    else w(line);
  });
  const nextLine = (ms: number): Promise<string> => {
    const q = queued.shift();
    if (q !== undefined) return Promise.resolve(q);
    return new Promise((resolve, reject) => {
      const drop = (): void => {
        clearTimeout(timer);
        const i = waiting.indexOf(taker);
        if (i >= 0) waiting.splice(i, 1);
      };
      const timer = setTimeout(() => {
        drop();
        reject(new Error(`server process silent for ${ms} ms; stderr:\n${errText}`));
      }, ms);
      const taker = (line: string): void => {
        drop();
        resolve(line);
      };
      waiting.push(taker);
      void exited.then(() => {
        if (!waiting.includes(taker)) return;
        drop();
        reject(new Error(`server process exited (${child.exitCode}); stderr:\n${errText}`));
      });
    });
  };
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };

  return {
    kill,
    async start(timeoutMs = 30_000) {
      child.stdin.write('{"start":true}\n');
      let first: Listening;
      try {
        first = JSON.parse(await nextLine(timeoutMs)) as Listening;
      } catch (error) {
        await kill();
        throw error;
      }
      let asking: Promise<unknown> = Promise.resolve();
      return {
        url: first.url,
        setupUrl: first.setupUrl,
        pid: child.pid!,
        tableHash(campaignId) {
          const answer = asking.then(async () => {
            child.stdin.write(`${JSON.stringify({ hash: campaignId })}\n`);
            const parsed = JSON.parse(await nextLine(10_000)) as TableHash | { error: string };
            if ('error' in parsed) throw new Error(`hash of ${campaignId}: ${parsed.error}`);
            return parsed;
          });
          asking = answer.catch(() => undefined);
          return answer;
        },
        kill,
        stderr: () => errText,
      };
    },
  };
}

/**
 * Spawns a server on `dataDir` in a child process and waits until it
 * listens.
 * @throws Error with the child's stderr when it exits or stays silent past `timeoutMs`.
 */
export function startServerProcess(
  dataDir: string,
  settings: ServerConfigInput = {},
  timeoutMs = 30_000,
): Promise<ServerProcess> {
  return prepareServerProcess(dataDir, settings).start(timeoutMs);
}

/** The child's side: (wait for the word,) serve, announce, answer hash questions, close when stdin ends. */
async function main(dataDir: string, settings: ServerConfigInput, wait: boolean): Promise<void> {
  const input = createInterface({ input: process.stdin });
  const lines = input[Symbol.asyncIterator]();
  if (wait && (await lines.next()).done === true) return;
  const server = await createServer(
    {
      host: '127.0.0.1',
      port: 0,
      dataDir,
      installExamples: false,
      logLevel: 'warn',
      ...settings,
    },
    { logStream: { write: (line) => void process.stderr.write(line) } },
  );
  process.stdout.write(`${JSON.stringify({ url: server.url, setupUrl: server.setupUrl })}\n`);
  for await (const line of { [Symbol.asyncIterator]: () => lines }) {
    const { hash: campaignId } = JSON.parse(line) as { hash: string };
    try {
      const table = await server.app.liveTables.open(campaignId);
      const answer: TableHash = { campaignId, seq: table.state.seq, hash: table.hash() };
      process.stdout.write(`${JSON.stringify(answer)}\n`);
    } catch (error) {
      process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
    }
  }
  await server.close();
}

if (process.argv[1] !== undefined && SCRIPT === process.argv[1]) {
  const [dataDir, settings = '{}', flag] = process.argv.slice(2);
  if (dataDir === undefined) {
    throw new Error('usage: server-process.ts <dataDir> [settings JSON] [--wait]');
  }
  await main(dataDir, JSON.parse(settings) as ServerConfigInput, flag === '--wait');
}
