/**
 * A server under load in its own process, so that its CPU time and RSS are
 * its own and not the load generator's. The child answers over IPC: `ready`
 * once listening, `usage` on request.
 */
import { type ChildProcess, fork } from 'node:child_process';

/** What the parent sends a server child. */
export type ParentMessage =
  | { readonly type: 'usage' }
  /** Frames the bare server answers a join with (the real server's, byte for byte). */
  | { readonly type: 'canned'; readonly snapshot: string; readonly presence: string }
  | { readonly type: 'stop' };

/** What a server child sends its parent. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly url: string; readonly setupUrl: string | null }
  | { readonly type: 'usage'; readonly cpuMicros: number; readonly rss: number }
  | { readonly type: 'canned' }
  | { readonly type: 'stopped' };

/** The child's CPU time (user + system, every thread) and resident set, at one moment. */
export interface Usage {
  readonly cpuMicros: number;
  readonly rss: number;
}

/** A running server child. */
export interface ServerChild {
  readonly url: string;
  readonly setupUrl: string | null;
  usage(): Promise<Usage>;
  canned(snapshot: string, presence: string): Promise<void>;
  stop(): Promise<void>;
}

/** The child's side: its usage now, as sent over IPC. */
export function usageNow(): ChildMessage {
  const cpu = process.cpuUsage();
  return { type: 'usage', cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage.rss() };
}

/** Sends a message to the parent (the child's side). */
export function toParent(message: ChildMessage): void {
  process.send?.(message);
}

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
  timeoutMs = 30_000,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`the server child sent no ${type} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (message: ChildMessage): void => {
      if (message.type !== type) return;
      off();
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => {
      off();
      reject(new Error(`the server child exited (${code}) before ${type}`));
    };
    const off = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Forks `entry` (a TypeScript file, run on source like the bench) and waits until it listens. */
export async function startChild(entry: string): Promise<ServerChild> {
  const child = fork(entry, [], {
    execArgv: [
      '--import',
      'tsx',
      '--conditions=@vtt/source',
      ...(process.env['VTT_BENCH_CPU_PROF']
        ? [
            '--cpu-prof',
            '--cpu-prof-interval=2000',
            `--cpu-prof-dir=${process.env['VTT_BENCH_CPU_PROF']}`,
          ]
        : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextMessage(child, 'ready', 60_000);
  const ask = async <T extends ChildMessage['type']>(message: ParentMessage, answer: T) => {
    const reply = nextMessage(child, answer);
    child.send(message);
    return reply;
  };
  return {
    url: ready.url,
    setupUrl: ready.setupUrl,
    async usage() {
      const { cpuMicros, rss } = await ask({ type: 'usage' }, 'usage');
      return { cpuMicros, rss };
    },
    async canned(snapshot, presence) {
      await ask({ type: 'canned', snapshot, presence }, 'canned');
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((done) => child.once('exit', done));
      child.send({ type: 'stop' } satisfies ParentMessage);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
