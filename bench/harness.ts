/**
 * A small benchmark harness: each case runs in batches until a time budget is
 * spent, over several rounds, and reports the median rate. Every benchmark
 * prints its rate beside a baseline measured in the same run, so the ratio
 * means something on any machine.
 */
import { performance } from 'node:perf_hooks';

/** One measured rate. */
export interface Rate {
  /** Operations per second, the median over rounds. */
  readonly perSecond: number;
  /** Operations counted in total. */
  readonly operations: number;
}

/** Options of {@link measure}. */
export interface MeasureOptions {
  /** Time budget of one round in milliseconds. */
  readonly roundMs?: number;
  /** Number of rounds; the median is reported. */
  readonly rounds?: number;
}

/**
 * Measures how many times per second `op` runs. `op` may return a number of
 * operations it performed (for batched work); otherwise one is counted.
 */
export function measure(op: () => number | void, options: MeasureOptions = {}): Rate {
  const roundMs = options.roundMs ?? Number(process.env['VTT_BENCH_ROUND_MS'] ?? 300);
  const rounds = options.rounds ?? 5;
  for (let i = 0; i < 200; i++) op(); // warm-up for the JIT
  const rates: number[] = [];
  let total = 0;
  for (let round = 0; round < rounds; round++) {
    let count = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (let i = 0; i < 50; i++) count += op() ?? 1;
      elapsed = performance.now() - start;
    }
    rates.push((count * 1000) / elapsed);
    total += count;
  }
  rates.sort((a, b) => a - b);
  return { perSecond: rates[Math.floor(rates.length / 2)] ?? 0, operations: total };
}

/** A latency distribution in microseconds. */
export interface Latency {
  readonly p50: number;
  readonly p99: number;
  readonly samples: number;
}

/** Times `count` sequential runs of an async `op` and returns p50/p99 in µs. */
export async function latency(op: () => Promise<unknown>, count = 2000): Promise<Latency> {
  for (let i = 0; i < Math.min(100, count); i++) await op();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await op();
    times.push((performance.now() - start) * 1000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), samples: count };
}

/** One printed row: a measured figure beside its baseline. */
export interface Row {
  readonly name: string;
  readonly value: number;
  readonly baseline: number;
  readonly unit: string;
  /** How to read the ratio: 'higher' when a bigger value is better (rates). */
  readonly better: 'higher' | 'lower';
}

const format = (value: number): string =>
  value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toPrecision(3);

/** Prints rows as an aligned table with the value/baseline ratio. */
export function printRows(title: string, rows: readonly Row[]): void {
  const lines = rows.map((row) => {
    const ratio = row.baseline === 0 ? 0 : row.value / row.baseline;
    return [
      row.name,
      `${format(row.value)} ${row.unit}`,
      `${format(row.baseline)} ${row.unit}`,
      `${ratio >= 1 ? ratio.toFixed(2) : ratio.toPrecision(3)}x (${row.better} is better)`,
    ];
  });
  const header = ['case', 'measured', 'baseline (same run)', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const pad = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  process.stdout.write(`\n## ${title}\n${pad(header)}\n${pad(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const line of lines) process.stdout.write(`${pad(line)}\n`);
}
