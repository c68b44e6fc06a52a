/**
 * Measures the sandbox: call latency of a trivial function with resident
 * state, instance creation time, and memory per instance.
 * Run: node --conditions=@vtt/source --import tsx packages/sandbox/scripts/measure.ts
 */
import { createSandboxHost } from '../src/index.js';

const SOURCE = 'let count = 0; export function bump(by) { count += by; return count; }';
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

const host = await createSandboxHost({ workers: 2 });
const first = await host.createInstance({ key: 'bench:0', source: SOURCE });
for (let i = 0; i < 500; i++) await first.call('bump', 1);
const latencies: number[] = [];
for (let i = 0; i < 5_000; i++) {
  const started = performance.now();
  await first.call('bump', 1);
  latencies.push(performance.now() - started);
}
latencies.sort((a, b) => a - b);

const INSTANCES = 40;
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const creations: number[] = [];
for (let i = 1; i <= INSTANCES; i++) {
  const started = performance.now();
  const instance = await host.createInstance({ key: `bench:${i}`, source: SOURCE });
  creations.push(performance.now() - started);
  await instance.call('bump', 1);
}
const rssAfter = process.memoryUsage().rss;
creations.sort((a, b) => a - b);
const stats = await host.stats();
const wasm = stats.reduce((sum, worker) => sum + worker.wasmBytes, 0);
const instances = stats.reduce((sum, worker) => sum + worker.instances, 0);
await host.close();

const ms = (value: number): string => `${value.toFixed(3)} ms`;
const mib = (value: number): string => `${(value / 1024 / 1024).toFixed(1)} MiB`;
process.stdout.write(
  [
    `call latency (round trip, trivial fn, resident state): p50 ${ms(percentile(latencies, 0.5))}, p99 ${ms(percentile(latencies, 0.99))}`,
    `instance creation: p50 ${ms(percentile(creations, 0.5))}, p99 ${ms(percentile(creations, 0.99))}`,
    `memory per instance: process RSS +${mib((rssAfter - rssBefore) / INSTANCES)}, WebAssembly memory ${mib(wasm / instances)} (committed pages)`,
    '',
  ].join('\n'),
);
