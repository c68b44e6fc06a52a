/**
 * A token-move run: every table gets its clients (joined), its movers send
 * `core:move-token` at the table's rate, and every other client of the
 * table should hear each move. One-way latency is a move's arrival at a
 * client minus its send time, both on this process's clock. Moves sent
 * during the warm-up are not counted; the server's CPU is read around the
 * counted window and the drain after it.
 */
import { performance } from 'node:perf_hooks';
import { createRng } from '@vtt/core';
import { BenchClient, newSink, quantile, type RunSink, until } from './bench-client.js';
import type { Target } from './bench-targets.js';
import { inBatches, type BenchTable } from './vtt-setup.js';

/** Settings of one run. */
export interface MoveRunOptions {
  /** Moves a second per table, spread evenly over its mover sockets. */
  readonly ratePerTable: number;
  /** Sockets of the GM that move tokens (each under the per-connection request limit). */
  readonly moversPerTable: number;
  /** Sockets per table, movers included; the others are players, one user each. */
  readonly clientsPerTable: number;
  readonly warmMs: number;
  readonly windowMs: number;
  /** Longest wait after the window for the last moves to arrive. */
  readonly drainMs: number;
}

/** What a run measured. */
export interface MoveRunResult {
  /** One-way latencies of every delivered move, ms, ascending. */
  readonly latencies: readonly number[];
  readonly p50: number;
  readonly p99: number;
  /** Moves sent in the counted window, and those acked. */
  readonly sent: number;
  readonly acked: number;
  /** Deliveries expected (moves x other clients of the table) and heard. */
  readonly expected: number;
  readonly delivered: number;
  /** The server's CPU over the window and the drain, in µs. */
  readonly cpuMicros: number;
  /** The server's resident set at the end, in bytes. */
  readonly rss: number;
  readonly sink: RunSink;
  /** How long the window plus the drain took, ms. */
  readonly elapsedMs: number;
}

/** Runs so far in this process: a client id is never reused, since the server answers a reused id as a duplicate of its first use. */
let runs = 0;

interface Sent {
  readonly at: number;
  readonly from: BenchClient;
  readonly table: number;
}

/** Runs token moves on `tables` of `target` and counts what arrived. */
export async function runMoves(
  target: Target,
  tables: readonly BenchTable[],
  options: MoveRunOptions,
): Promise<MoveRunResult> {
  const sink = newSink();
  const run = ++runs;
  const players = options.clientsPerTable - options.moversPerTable;
  const seats = tables.flatMap((table, t) => {
    if (table.players.length < players) throw new Error(`table ${t} has too few players`);
    return [
      ...Array.from({ length: options.moversPerTable }, () => ({ t, token: table.gm })),
      ...table.players.slice(0, players).map((token) => ({ t, token })),
    ];
  });
  const opened = await inBatches(seats, 10, async ({ t, token }) => {
    const client = await BenchClient.open(target, tables[t]!, token, sink);
    client.sendJoin();
    return { t, client };
  });
  const clients = opened.map((o) => o.client);
  if (!(await until(() => clients.every((c) => !Number.isNaN(c.snapshotAt)), 20_000))) {
    throw new Error(`${target.name}: not every client got its snapshot`);
  }
  const byTable = tables.map((_, t) => opened.filter((o) => o.t === t).map((o) => o.client));

  const sent = new Map<string, Sent>();
  let counting = false;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();
  const period = (1000 * options.moversPerTable) / options.ratePerTable;
  const rng = createRng(0x5eed); // the movers' phases
  const random = (): number => rng.nextFloat();
  const start = performance.now();
  byTable.forEach((group, t) => {
    for (let k = 0; k < options.moversPerTable; k++) {
      const mover = group[k]!;
      const tokenId = tables[t]!.tokens[k]!;
      let n = 0;
      let due = start + random() * period;
      const tick = (): void => {
        if (stopped) return;
        n++;
        const id = `${counting ? 'm' : 'w'}${run}-${t}-${k}-${n}`;
        const at = performance.now();
        mover.socket.send(
          JSON.stringify({
            type: 'action',
            id,
            action: {
              type: 'core:move-token',
              payload: { tokenId, x: 100 + 50 * (n % 10), y: 100 + 100 * k },
            },
          }),
        );
        if (counting) sent.set(id, { at, from: mover, table: t });
        due += period;
        const timer = setTimeout(tick, Math.max(0, due - performance.now()));
        timers.add(timer);
      };
      timers.add(setTimeout(tick, Math.max(0, due - performance.now())));
    }
  });

  await new Promise((resolve) => setTimeout(resolve, options.warmMs));
  const before = await target.child.usage();
  const windowStart = performance.now();
  counting = true;
  await new Promise((resolve) => setTimeout(resolve, options.windowMs));
  stopped = true;
  for (const timer of timers) clearTimeout(timer);

  const expectedPerMove = (s: Sent): number => byTable[s.table]!.length - 1;
  const expected = [...sent.values()].reduce((sum, s) => sum + expectedPerMove(s), 0);
  const heardAll = (): boolean => {
    for (const [id, s] of sent) {
      const key = sink.acks.get(id);
      if (key === undefined) return false;
      for (const c of byTable[s.table]!) if (c !== s.from && !c.heard.has(key)) return false;
    }
    return true;
  };
  await until(heardAll, options.drainMs);
  const after = await target.child.usage();
  const elapsedMs = performance.now() - windowStart;

  const latencies: number[] = [];
  let acked = 0;
  for (const [id, s] of sent) {
    const key = sink.acks.get(id);
    if (key === undefined) continue;
    acked++;
    for (const c of byTable[s.table]!) {
      if (c === s.from) continue;
      const at = c.heard.get(key);
      if (at !== undefined) latencies.push(at - s.at);
    }
  }
  latencies.sort((a, b) => a - b);
  await inBatches(clients, 20, (c) => c.close());
  return {
    latencies,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    sent: sent.size,
    acked,
    expected,
    delivered: latencies.length,
    cpuMicros: after.cpuMicros - before.cpuMicros,
    rss: after.rss,
    sink,
    elapsedMs,
  };
}
