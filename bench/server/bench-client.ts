/**
 * One simulated client of the load generator: a `ws` socket that stamps
 * every frame on arrival (`performance.now()`, the clock the senders use)
 * and keeps what the frames say for the run to count afterwards.
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { Target } from './bench-targets.js';
import type { BenchTable } from './vtt-setup.js';

/** What every client of one run reports into. */
export interface RunSink {
  /** Move key by client id, from the acks. */
  readonly acks: Map<string, string>;
  /** Refusals by error code (rate limits included), and acks of an id already applied. */
  readonly refused: Map<string, number>;
  /** Sockets the server closed, by close code. */
  readonly closedByServer: Map<number, number>;
}

/** A fresh sink. */
export function newSink(): RunSink {
  return { acks: new Map(), refused: new Map(), closedByServer: new Map() };
}

const bump = <K>(map: Map<K, number>, key: K): void => void map.set(key, (map.get(key) ?? 0) + 1);

/** A connected client. */
export class BenchClient {
  /** Arrival time of each move heard, by key. */
  readonly heard = new Map<string, number>();
  /** Arrival time of the join's snapshot; NaN until then. */
  snapshotAt = Number.NaN;
  /** The last snapshot and presence frames, as text (the bare server replays them). */
  snapshotText = '';
  presenceText = '';
  /** Time of the last frame of any kind. */
  lastFrameAt = 0;
  #closing = false;
  readonly #closed: Promise<void>;

  private constructor(
    readonly socket: WebSocket,
    target: Target,
    sink: RunSink,
  ) {
    socket.on('message', (data: Buffer) => {
      const at = performance.now();
      this.lastFrameAt = at;
      const text = data.toString('utf8');
      const d = target.decode(text);
      for (const key of d.moves) if (!this.heard.has(key)) this.heard.set(key, at);
      if (d.ack !== undefined) sink.acks.set(d.ack.id, d.ack.key);
      if (d.ack?.duplicate === true) bump(sink.refused, 'acked as a duplicate');
      if (d.rejected !== undefined) bump(sink.refused, d.rejected.code);
      if (d.snapshot === true) {
        this.snapshotAt = at;
        this.snapshotText = text;
      }
      if (d.presence === true) this.presenceText = text;
    });
    this.#closed = new Promise((resolve) => {
      socket.on('close', (code) => {
        if (!this.#closing) bump(sink.closedByServer, code);
        resolve();
      });
    });
  }

  /** Opens a socket to `table` as the user of `token` (not joined yet). */
  static open(target: Target, table: BenchTable, token: string, sink: RunSink) {
    const socket = new WebSocket(target.socketUrl(table), { headers: target.headers(token) });
    return new Promise<BenchClient>((resolve, reject) => {
      socket.once('open', () => resolve(new BenchClient(socket, target, sink)));
      socket.once('error', reject);
    });
  }

  /** Sends `join`; returns its send time. */
  sendJoin(): number {
    const at = performance.now();
    this.socket.send('{"type":"join"}');
    return at;
  }

  /** Closes the socket and waits for the close (cut off after 2 s). */
  async close(): Promise<void> {
    this.#closing = true;
    this.socket.close(1000);
    const timer = setTimeout(() => this.socket.terminate(), 2_000);
    await this.#closed;
    clearTimeout(timer);
  }
}

/** Resolves once `done()` holds, polling every 10 ms; false when `timeoutMs` passed first. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** The value at quantile `q` of ascending `sorted`; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
