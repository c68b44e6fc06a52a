/**
 * The live-table server under load, beside a bare `ws` relay doing the same
 * fan-out (no validation, rules or persistence) measured in the same run.
 * Each server runs in its own child process, so its CPU time and RSS are
 * its own; the clients run here, so send and arrival share one clock.
 *
 * Cases: 20 tables x 5 clients at 10 and at 50 token moves a second per
 * table (D&D 5e campaigns); 1 table x 100 clients at 100 moves a second;
 * 100 clients joining a 100-token table at once. The server's limits stay
 * as they are (30 requests a second per connection): a table's moves are
 * spread over as many GM sockets as that needs, at 25 a second each.
 *
 * Goals: nothing dropped; p99 within 2x of the bare server and under 10 ms;
 * server CPU per delivered message within 1.5x of the bare server; join p99
 * under 50 ms. VTT_BENCH_SERVER_WINDOW_MS sets each case's counted window
 * (default 5,000 ms); VTT_BENCH_CPU_PROF=<folder> writes each server's CPU
 * profile there.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { printRows, type Row } from './harness.js';
import { bareTarget, type Target, vttTarget } from './server/bench-targets.js';
import type { RunSink } from './server/bench-client.js';
import { type ServerChild, startChild } from './server/child-process.js';
import { runJoins } from './server/join-run.js';
import { type MoveRunOptions, type MoveRunResult, runMoves } from './server/move-run.js';
import { type BenchTable, inBatches, makeTable, makeUsers } from './server/vtt-setup.js';

/** Moves a second one mover socket sends, under the server's 30 a second per connection. */
const MOVER_RATE = 25;
const PLAYERS = 99;

const entry = (name: string): string => fileURLToPath(new URL(`./server/${name}`, import.meta.url));
const progress = (line: string): void => void process.stderr.write(`  server bench: ${line}\n`);
const ms = (micros: number): number => micros / 1000;
const mb = (bytes: number): number => bytes / (1024 * 1024);

interface Goal {
  readonly name: string;
  readonly met: boolean;
  readonly detail: string;
}

function printGoals(goals: readonly Goal[]): void {
  for (const g of goals) {
    process.stdout.write(`${g.met ? 'goal met    ' : 'GOAL NOT MET'}  ${g.name}: ${g.detail}\n`);
  }
}

function refusals(sink: RunSink): string {
  const refused = [...sink.refused].map(([code, n]) => `${n} ${code}`);
  const closed = [...sink.closedByServer].map(([code, n]) => `${n} closed ${code}`);
  return [...refused, ...closed].join(', ') || 'none';
}

function moveDetail(name: string, r: MoveRunResult, windowMs: number): string {
  return (
    `${name}: ${r.sent} moves sent (${((r.sent * 1000) / windowMs).toFixed(0)}/s), ${r.acked} acked, ` +
    `${r.delivered} of ${r.expected} deliveries heard; refused/closed: ${refusals(r.sink)}; ` +
    `window+drain ${(r.elapsedMs / 1000).toFixed(1)} s\n`
  );
}

async function moveCase(
  title: string,
  targets: readonly [Target, Target],
  tables: readonly [readonly BenchTable[], readonly BenchTable[]],
  options: MoveRunOptions,
): Promise<Goal[]> {
  progress(title);
  const [vtt, bare] = [
    await runMoves(targets[0], tables[0], options),
    await runMoves(targets[1], tables[1], options),
  ];
  const perDelivered = (r: MoveRunResult) => r.cpuMicros / Math.max(1, r.delivered);
  const rows: Row[] = [
    {
      name: 'one-way latency p50',
      value: vtt.p50,
      baseline: bare.p50,
      unit: 'ms',
      better: 'lower',
    },
    {
      name: 'one-way latency p99',
      value: vtt.p99,
      baseline: bare.p99,
      unit: 'ms',
      better: 'lower',
    },
    {
      name: 'delivered ratio',
      value: vtt.delivered / vtt.expected,
      baseline: bare.delivered / bare.expected,
      unit: '',
      better: 'higher',
    },
    {
      name: 'server CPU per delivered message',
      value: perDelivered(vtt),
      baseline: perDelivered(bare),
      unit: 'µs',
      better: 'lower',
    },
    { name: 'server RSS', value: mb(vtt.rss), baseline: mb(bare.rss), unit: 'MB', better: 'lower' },
  ];
  printRows(`${title} (baseline: bare ws relay, same run)`, rows);
  process.stdout.write(moveDetail('vtt', vtt, options.windowMs));
  process.stdout.write(moveDetail('bare', bare, options.windowMs));
  const cpuRatio = perDelivered(vtt) / perDelivered(bare);
  return [
    {
      name: `${title}: nothing dropped`,
      met: vtt.delivered === vtt.expected && vtt.expected > 0,
      detail: `${vtt.delivered} of ${vtt.expected} delivered`,
    },
    {
      name: `${title}: p99 within 2x of bare and under 10 ms`,
      met: vtt.p99 <= 2 * bare.p99 && vtt.p99 < 10,
      detail: `${vtt.p99.toFixed(2)} ms, ${(vtt.p99 / bare.p99).toFixed(2)}x of ${bare.p99.toFixed(2)} ms`,
    },
    {
      name: `${title}: CPU per delivered message within 1.5x of bare`,
      met: cpuRatio <= 1.5,
      detail: `${perDelivered(vtt).toFixed(1)} µs, ${cpuRatio.toFixed(2)}x of ${perDelivered(bare).toFixed(1)} µs`,
    },
  ];
}

async function joinCase(
  targets: readonly [Target, Target],
  table: BenchTable,
  rounds: number,
): Promise<Goal[]> {
  const title = `100 clients joining a ${table.tokens.length}-token table at once, ${rounds} rounds`;
  progress(title);
  const vtt = await runJoins(targets[0], table, rounds);
  await targets[1].child.canned(vtt.snapshotText, vtt.presenceText);
  const bare = await runJoins(targets[1], table, rounds);
  const perJoin = (r: typeof vtt) => r.cpuMicros / Math.max(1, r.delivered);
  printRows(`${title} (baseline: bare ws relay sending the same snapshot and presence bytes)`, [
    { name: 'join latency p50', value: vtt.p50, baseline: bare.p50, unit: 'ms', better: 'lower' },
    { name: 'join latency p99', value: vtt.p99, baseline: bare.p99, unit: 'ms', better: 'lower' },
    {
      name: 'snapshots delivered ratio',
      value: vtt.delivered / vtt.expected,
      baseline: bare.delivered / bare.expected,
      unit: '',
      better: 'higher',
    },
    {
      name: 'server CPU per join (with its presence fan-out)',
      value: ms(perJoin(vtt)),
      baseline: ms(perJoin(bare)),
      unit: 'ms',
      better: 'lower',
    },
    { name: 'server RSS', value: mb(vtt.rss), baseline: mb(bare.rss), unit: 'MB', better: 'lower' },
  ]);
  process.stdout.write(
    `snapshot ${(vtt.snapshotText.length / 1024).toFixed(1)} KiB, presence ${(vtt.presenceText.length / 1024).toFixed(1)} KiB; ` +
      `refused/closed: vtt ${refusals(vtt.sink)}, bare ${refusals(bare.sink)}\n`,
  );
  return [
    {
      name: 'join: every join answered',
      met: vtt.delivered === vtt.expected,
      detail: `${vtt.delivered} of ${vtt.expected} snapshots`,
    },
    {
      name: 'join: p99 under 50 ms',
      met: vtt.p99 < 50,
      detail: `${vtt.p99.toFixed(1)} ms (bare ${bare.p99.toFixed(1)} ms)`,
    },
  ];
}

/** Runs the server benchmark and prints its tables and goals. */
export async function benchServer(): Promise<void> {
  const started = performance.now();
  const windowMs = Number(process.env['VTT_BENCH_SERVER_WINDOW_MS'] ?? 5000);
  const children: ServerChild[] = [];
  try {
    progress('starting the servers');
    const vttChild = await startChild(entry('vtt-server-child.ts'));
    children.push(vttChild);
    const bareChild = await startChild(entry('bare-server-child.ts'));
    children.push(bareChild);
    const targets = [vttTarget(vttChild), bareTarget(bareChild)] as const;

    progress(`making ${PLAYERS} accounts and 22 D&D 5e tables`);
    const users = await makeUsers(vttChild.url, vttChild.setupUrl!, PLAYERS);
    const small = await inBatches(
      Array.from({ length: 20 }, (_, t) => t),
      4,
      (t) =>
        makeTable(
          vttChild.url,
          users.gm,
          Array.from({ length: 4 }, (_, k) => users.players[(4 * t + k) % PLAYERS]!),
          10,
          `Table ${t}`,
        ),
    );
    const crowd = await makeTable(vttChild.url, users.gm, users.players.slice(0, 96), 10, 'Crowd');
    const storm = await makeTable(vttChild.url, users.gm, users.players, 100, 'Join storm');
    const modules = small[0]!.modules.map((m) => `${m.moduleId} (${m.state})`).join(', ');
    if (!small[0]!.modules.some((m) => m.moduleId === 'dnd5e' && m.state === 'active')) {
      throw new Error(`the D&D 5e module is not active at the tables: ${modules || 'none'}`);
    }
    process.stdout.write(
      `\n## live-table server under load (modules at the tables: ${modules}; ` +
        `${windowMs} ms counted per case after 1 s of warm-up)\n`,
    );

    const base = { warmMs: 1000, windowMs, drainMs: 3000 };
    const goals: Goal[] = [];
    for (const rate of [10, 50]) {
      const movers = Math.ceil(rate / MOVER_RATE);
      goals.push(
        ...(await moveCase(
          `20 tables x 5 clients, ${rate} moves/s per table (${movers} mover socket${movers > 1 ? 's' : ''} each)`,
          targets,
          [small, small],
          { ...base, ratePerTable: rate, moversPerTable: movers, clientsPerTable: 5 },
        )),
      );
    }
    goals.push(
      ...(await moveCase(
        '1 table x 100 clients, 100 moves/s (4 mover sockets)',
        targets,
        [[crowd], [crowd]],
        { ...base, ratePerTable: 100, moversPerTable: 4, clientsPerTable: 100 },
      )),
    );
    goals.push(...(await joinCase(targets, storm, 3)));

    process.stdout.write('\n');
    printGoals(goals);
    const met = goals.filter((g) => g.met).length;
    process.stdout.write(
      `server bench: ${met} of ${goals.length} goals met, in ${((performance.now() - started) / 1000).toFixed(0)} s\n`,
    );
  } finally {
    await Promise.all(children.map((c) => c.stop()));
  }
}
