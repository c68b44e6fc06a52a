/**
 * A join storm: `clients` sockets (one user each) are opened to one table,
 * then all send `join` at once; a join's latency runs from its send to its
 * snapshot's arrival. The server's CPU is read from before the joins until
 * the presence fan-out they cause has gone quiet.
 */
import { performance } from 'node:perf_hooks';
import { BenchClient, newSink, quantile, type RunSink, until } from './bench-client.js';
import type { Target } from './bench-targets.js';
import { inBatches, type BenchTable } from './vtt-setup.js';

/** What the join rounds measured. */
export interface JoinRunResult {
  /** Join latencies, ms, ascending. */
  readonly latencies: readonly number[];
  readonly p50: number;
  readonly p99: number;
  readonly expected: number;
  readonly delivered: number;
  /** The server's CPU over the joins and their fan-out, µs. */
  readonly cpuMicros: number;
  readonly rss: number;
  readonly sink: RunSink;
  /** A snapshot and a presence frame as received (for the bare server to send the same bytes). */
  readonly snapshotText: string;
  readonly presenceText: string;
}

/** Runs `rounds` join storms of the GM and the players of `table` (one socket each). */
export async function runJoins(
  target: Target,
  table: BenchTable,
  rounds: number,
): Promise<JoinRunResult> {
  const sink = newSink();
  const tokens = [table.gm, ...table.players];
  const latencies: number[] = [];
  let cpuMicros = 0;
  let rss = 0;
  let snapshotText = '';
  let presenceText = '';
  for (let round = 0; round < rounds; round++) {
    const clients = await inBatches(tokens, 10, (token) =>
      BenchClient.open(target, table, token, sink),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = await target.child.usage();
    const sentAt = clients.map((c) => c.sendJoin());
    await until(() => clients.every((c) => !Number.isNaN(c.snapshotAt)), 10_000);
    // The presence each join sends to the room: quiet once no frame came for 100 ms.
    await until(
      () => performance.now() - Math.max(...clients.map((c) => c.lastFrameAt)) > 100,
      10_000,
    );
    const after = await target.child.usage();
    cpuMicros += after.cpuMicros - before.cpuMicros;
    rss = after.rss;
    clients.forEach((c, i) => {
      if (!Number.isNaN(c.snapshotAt)) latencies.push(c.snapshotAt - sentAt[i]!);
    });
    snapshotText = clients.at(-1)!.snapshotText;
    presenceText = clients
      .map((c) => c.presenceText)
      .reduce((a, b) => (b.length > a.length ? b : a));
    await inBatches(clients, 20, (c) => c.close());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  latencies.sort((a, b) => a - b);
  return {
    latencies,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    expected: rounds * tokens.length,
    delivered: latencies.length,
    cpuMicros,
    rss,
    sink,
    snapshotText,
    presenceText,
  };
}
